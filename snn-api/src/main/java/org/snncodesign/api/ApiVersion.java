package org.snncodesign.api;

/**
 * The version of the plugin contracts in this module, as {@code major.minor}.
 *
 * <p>A plugin states the API version it was built for ({@link
 * org.snncodesign.api.plugin.Plugin#apiVersion()}). Plugins built for the same major version are
 * compatible: a minor version only adds default methods or types.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

  /** The API version of this build of {@code snn-api}. */
  public static final ApiVersion CURRENT = new ApiVersion(1, 2);

  public ApiVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException(
          "API version parts must be >= 0, got " + major + "." + minor);
    }
  }

  /**
   * Parses {@code "major.minor"} (a missing minor means 0).
   *
   * @throws IllegalArgumentException naming the text when it is not a version
   */
  public static ApiVersion parse(String text) {
    if (text == null || !text.trim().matches("\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException(
          "not an API version (expected major.minor, e.g. 1.0): '" + text + "'");
    }
    String[] parts = text.trim().split("\\.");
    return new ApiVersion(
        Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
  }

  /** True when a plugin built for {@code pluginVersion} can run against this API version. */
  public boolean accepts(ApiVersion pluginVersion) {
    return major == pluginVersion.major && minor >= pluginVersion.minor;
  }

  @Override
  public int compareTo(ApiVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
