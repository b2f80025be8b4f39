/**
 * Reports a user can cite, written from Java: tables ({@link
 * org.snncodesign.flow.report.ResultTable}, aligned text and CSV), CSV files written with Commons
 * CSV ({@link org.snncodesign.flow.report.CsvFile}), PNG charts (bars, Pareto fronts, learning and
 * pruning curves) and outputs that appear only when complete ({@link
 * org.snncodesign.flow.report.StagedOutput}: a folder or file written beside its target, locked
 * against a second run, and moved in on success).
 */
package org.snncodesign.flow.report;
