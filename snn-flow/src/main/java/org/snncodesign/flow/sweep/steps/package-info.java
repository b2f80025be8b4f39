/**
 * The sweep steps of the flow: digits training, the LSM pruning study and the SA-STL study, each
 * one run with typed parameters.
 */
package org.snncodesign.flow.sweep.steps;
