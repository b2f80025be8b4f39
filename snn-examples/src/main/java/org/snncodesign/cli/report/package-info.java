/**
 * The CLI's output glue: every command's output options staged and locked before it runs ({@link
 * org.snncodesign.cli.report.OutputStaging}, over {@link org.snncodesign.flow.report.StagedOutput}
 * of the flow library), and moved in when it succeeds.
 */
package org.snncodesign.cli.report;
