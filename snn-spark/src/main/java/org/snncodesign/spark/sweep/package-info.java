/**
 * Sweeps: a sweep file's points (settings x seeds of one {@link
 * org.snncodesign.flow.sweep.SweepStep}) run as Spark tasks, each result stored as it arrives,
 * assembled into one table with a summary across seeds and a Pareto chart.
 */
package org.snncodesign.spark.sweep;
