/**
 * Gradient rewiring pruning (Grad R) and its target-sparsity schedule.
 */
package org.snncodesign.learning.rewiring;
