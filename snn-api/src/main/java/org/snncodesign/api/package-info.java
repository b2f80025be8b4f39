/**
 * The small, stable contracts of snn-codesign.
 *
 * <p>Implementation modules (neurons, learning, conversion, hardware backends, data sets) provide
 * these interfaces and are found at run time through {@link java.util.ServiceLoader}; see {@link
 * org.snncodesign.api.plugin.PluginRegistry}. This module depends on nothing but the JDK.
 */
package org.snncodesign.api;
