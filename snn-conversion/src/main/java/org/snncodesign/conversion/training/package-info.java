/**
 * The built-in ANN trainer (mini-batch SGD with momentum or Adam, softmax cross-entropy,
 * data-parallel over the batch) and the default CNN architectures it trains.
 */
package org.snncodesign.conversion.training;
