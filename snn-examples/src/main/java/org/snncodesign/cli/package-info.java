/**
 * The {@code snn} command-line tool: picocli commands wired by Guice, calling into the library
 * modules and printing their results. No domain logic lives here.
 */
package org.snncodesign.cli;
