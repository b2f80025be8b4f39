/**
 * The flow's graph steps: a network graph measured over many inferences, a trained network exported
 * to NIR and checked, and a graph's stimulus read from and its recording written to CSV.
 */
package org.snncodesign.flow.graph;
