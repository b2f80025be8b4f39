/** {@code snn lsm}: liquid state machines on digits and FSDD with inactive-neuron pruning. */
package org.snncodesign.cli.lsm;
