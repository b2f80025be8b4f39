/**
 * Seeded, optionally stratified train/validation/test splits and batch iteration over primitive
 * arrays.
 */
package org.snncodesign.datasets.split;
