/**
 * The input side of spike coding: min-max normalisation and samples to spike rasters with any
 * coding.
 */
package org.snncodesign.datasets.encoding;
