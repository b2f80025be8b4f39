/**
 * The flow's graph steps: a network graph measured over many inferences, and a trained network exported to NIR and
 * checked.
 */
package org.snncodesign.flow.graph;
