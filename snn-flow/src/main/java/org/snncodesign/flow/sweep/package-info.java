/**
 * Flow steps that a sweep repeats over parameter settings and seeds: a {@link
 * org.snncodesign.flow.sweep.SweepStep} declares its parameters and returns one {@link
 * org.snncodesign.flow.sweep.SweepRecord} per run.
 */
package org.snncodesign.flow.sweep;
