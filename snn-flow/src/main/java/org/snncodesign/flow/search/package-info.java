/**
 * The network side of a joint network x accelerator search: per-layer compression genes (pruning
 * and weight bit width) of a trained network and the compressed networks they give.
 */
package org.snncodesign.flow.search;
