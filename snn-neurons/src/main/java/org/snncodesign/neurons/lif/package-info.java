/**
 * Leaky integrate-and-fire neurons, current-based ({@code lif}) and conductance-based ({@code
 * lif-cond}), integrated exactly over each step.
 */
package org.snncodesign.neurons.lif;
