/**
 * Learned step size quantisation (LSQ) of weights, and the integer form of a quantised layer for
 * hardware models.
 */
package org.snncodesign.learning.quantization;
