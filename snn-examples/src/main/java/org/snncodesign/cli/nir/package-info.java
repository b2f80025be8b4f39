/**
 * The {@code snn nir} commands: inspect and simulate NIR graphs from snnTorch, Norse, Sinabs and
 * other tools.
 */
package org.snncodesign.cli.nir;
