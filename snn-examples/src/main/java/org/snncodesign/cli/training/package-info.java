/**
 * The {@code snn train} command and the demo's training stage: surrogate-gradient training with its
 * learning-curve chart.
 */
package org.snncodesign.cli.training;
