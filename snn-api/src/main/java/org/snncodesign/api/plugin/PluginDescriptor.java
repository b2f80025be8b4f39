package org.snncodesign.api.plugin;

import java.util.Optional;

/**
 * One discovered provider, loaded or not.
 *
 * @param kind what it provides
 * @param name its name, or its class name when it could not be instantiated
 * @param version its own version ("?" when unknown)
 * @param apiVersion the API version it states it was built for ("?" when unknown)
 * @param className the provider class
 * @param source the jar or folder the class came from ("?" when unknown)
 * @param status whether it is usable
 * @param problem why it was refused or failed; empty when loaded
 * @param instance the provider itself when loaded
 */
public record PluginDescriptor(
    PluginKind kind,
    String name,
    String version,
    String apiVersion,
    String className,
    String source,
    Status status,
    Optional<String> problem,
    Optional<Plugin> instance) {

  /** Outcome of loading a provider. */
  public enum Status {
    /** Instantiated and compatible. */
    LOADED,
    /**
     * Instantiated, but refused: built for an incompatible API version, or a data-set plugin named
     * like a built-in data set.
     */
    INCOMPATIBLE,
    /** Its class could not be loaded or its constructor threw. */
    FAILED
  }

  public boolean loaded() {
    return status == Status.LOADED;
  }
}
