/**
 * Plugin discovery over {@link java.util.ServiceLoader}: the {@link
 * org.snncodesign.api.plugin.Plugin} every provider implements, the {@link
 * org.snncodesign.api.plugin.PluginRegistry} that finds them (refusing incompatible ones without
 * stopping the others) and plugin jars loaded from folders.
 */
package org.snncodesign.api.plugin;
