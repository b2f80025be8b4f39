/**
 * Output of the CLI: terminal tables, CSV files, PNG charts, and output folders that appear only when complete.
 */
package org.snncodesign.cli.report;
