package org.snncodesign.api.plugin;

import org.snncodesign.api.ApiVersion;

/**
 * What every pluggable provider states about itself. Providers are listed in {@code
 * META-INF/services/<contract interface>} of their jar and need a public no-argument constructor.
 */
public interface Plugin {

  /**
   * Short, unique name within its kind, used on the command line, e.g. {@code "lif"} or {@code
   * "cpu-gustavson"}.
   */
  String name();

  /** One sentence on what the provider is, shown by {@code snn plugins}. */
  String description();

  /** The provider's own version; by default its module's version, see {@link ModuleVersion}. */
  default String version() {
    return ModuleVersion.of(getClass());
  }

  /**
   * The API version the provider was compiled against. Override with a constant: the default
   * reports the API the provider runs against, not the one it was built for.
   */
  default ApiVersion apiVersion() {
    return ApiVersion.CURRENT;
  }
}
