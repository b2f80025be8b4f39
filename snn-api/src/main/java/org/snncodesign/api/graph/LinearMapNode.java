package org.snncodesign.api.graph;

/**
 * A stateless node that maps its input linearly (plus a constant bias where it has one): Affine,
 * Linear, Scale, Conv1d, Conv2d, Flatten, SumPool2d, AvgPool2d, and Delay, which shifts its input
 * in time.
 */
public sealed interface LinearMapNode extends GraphNode
    permits MatrixMap, ScaleNode, Conv1dNode, Conv2dNode, FlattenNode, Pool2dNode, DelayNode {}
