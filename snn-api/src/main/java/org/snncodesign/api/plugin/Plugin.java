package org.snncodesign.api.plugin;

import org.snncodesign.api.ApiVersion;

/**
 * What every pluggable provider states about itself. Providers are listed in
 * {@code META-INF/services/<contract interface>} of their jar and need a public no-argument constructor.
 */
public interface Plugin {

  /** Short, unique name within its kind, used on the command line, e.g. {@code "lif"} or {@code "cpu-gustavson"}. */
  String name();

  /** One sentence on what the provider is, shown by {@code snn plugins}. */
  String description();

  /** The provider's own version; by default the {@code Implementation-Version} of its jar, else "dev". */
  default String version() {
    String fromJar = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
    return fromJar == null ? "dev" : fromJar;
  }

  /**
   * The API version the provider was compiled against. Override with a constant: the default reports the API
   * the provider runs against, not the one it was built for.
   */
  default ApiVersion apiVersion() {
    return ApiVersion.CURRENT;
  }
}
