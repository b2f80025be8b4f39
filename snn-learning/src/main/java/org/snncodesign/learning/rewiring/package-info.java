/**
 * Gradient rewiring pruning (Grad R, Chen et al. 2021) and its target-sparsity schedule: each
 * synapse keeps a sign and a hidden parameter, is connected while that parameter is positive, and
 * may grow back when its gradient points outward. The schedule (Zhu and Gupta's cubic ramp) raises
 * the target weight sparsity step by step to the budget a sparse accelerator is sized for.
 */
package org.snncodesign.learning.rewiring;
