/**
 * Linear readouts of liquid states: ridge and logistic regression with cross-validated
 * regularisation.
 */
package org.snncodesign.learning.lsm.readout;
