/**
 * The network graph: the one representation every module reads and writes. Nodes are NIR's
 * primitives as typed records ({@link org.snncodesign.api.graph.AffineNode}, {@link
 * org.snncodesign.api.graph.Conv2dNode}, {@link org.snncodesign.api.graph.LifNode}, {@link
 * org.snncodesign.api.graph.CubaLifNode}, ...), with per-neuron parameter arrays ({@link
 * org.snncodesign.api.graph.Tensor}); a {@link org.snncodesign.api.graph.NetworkGraph} names them,
 * joins them by edges (recurrence allowed) and validates itself.
 */
package org.snncodesign.api.graph;
