/**
 * The {@code snn hw} commands: accelerator evaluation side by side, design-space search and Verilog
 * export, with their options, JSON and charts.
 */
package org.snncodesign.cli.hardware;
