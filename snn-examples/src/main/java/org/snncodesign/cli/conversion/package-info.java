/**
 * {@code snn convert}: train or load a CNN, convert it to a one-spike phase-coded (or rate-coded)
 * SNN, report.
 */
package org.snncodesign.cli.conversion;
