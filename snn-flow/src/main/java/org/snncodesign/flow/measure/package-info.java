/**
 * The flow's measurement step: a trained network run on held-out samples with every spike recorded,
 * the input of accelerator pricing.
 */
package org.snncodesign.flow.measure;
