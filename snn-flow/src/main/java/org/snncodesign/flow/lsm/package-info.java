/**
 * Liquid-state-machine studies as library calls: classification tasks as liquid input spikes, and speaker-
 * independent pruning evaluation.
 */
package org.snncodesign.flow.lsm;
