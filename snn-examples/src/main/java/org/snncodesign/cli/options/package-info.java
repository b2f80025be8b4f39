/**
 * The one validation layer for command-line options, shared by every command: finite-number
 * converters, the range of each count, size and fraction (by option name), and the memory a size
 * would need.
 */
package org.snncodesign.cli.options;
