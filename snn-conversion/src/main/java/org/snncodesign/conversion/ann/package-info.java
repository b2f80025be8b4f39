/**
 * Description and plain-Java execution of the convolutional ANNs that are converted to spiking
 * networks: layers, shapes, JSON persistence (bit-exact), batch-norm folding and inference on
 * primitive arrays.
 */
package org.snncodesign.conversion.ann;
