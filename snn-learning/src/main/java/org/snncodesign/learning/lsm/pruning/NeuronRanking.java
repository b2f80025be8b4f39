package org.snncodesign.learning.lsm.pruning;

/** How neurons are ranked before the least useful are removed. */
public enum NeuronRanking {
  /**
   * By spike count over the training set: silent and near-silent neurons go first (inactive-neuron
   * pruning).
   */
  ACTIVITY,
  /**
   * By the readout's reliance on the neuron: the sum over time bins and classes of |w| on
   * standardised features (an inactive neuron has no spread and so weight 0; it also goes first).
   */
  READOUT_WEIGHT,
  /**
   * By class separability of the neuron's own state on the training set: the sum over time bins of
   * the Fisher ratio (between-class over within-class variance of the bin's spike count).
   * Univariate: it does not see redundancy between neurons, but it needs no readout and is not
   * affected by the readout's regularisation.
   */
  FISHER
}
