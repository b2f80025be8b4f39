package org.snncodesign.api.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Finds the version of the module a class was built in.
 *
 * <p>A module states its version in a {@code module.properties} resource ({@code version=...}) in
 * its root package, e.g. {@code org/snncodesign/neurons/module.properties}. The lookup walks from
 * the class's package up to the root, so it also works inside a shaded jar where every module
 * shares one manifest. Failing that, the package's {@code Implementation-Version} is used, and
 * failing that {@code "dev"}.
 */
public final class ModuleVersion {
  private ModuleVersion() {}

  /** The version of the module {@code type} comes from. */
  public static String of(Class<?> type) {
    String packageName = type.getPackageName();
    ClassLoader loader = type.getClassLoader();
    while (!packageName.isEmpty() && loader != null) {
      String version = read(loader, packageName.replace('.', '/') + "/module.properties");
      if (version != null) {
        return version;
      }
      int dot = packageName.lastIndexOf('.');
      packageName = dot < 0 ? "" : packageName.substring(0, dot);
    }
    String fromManifest =
        type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
    return fromManifest == null ? "dev" : fromManifest;
  }

  private static @Nullable String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      return version == null || version.isBlank() || version.startsWith("${")
          ? null
          : version.trim();
    } catch (IOException | IllegalArgumentException unreadable) {
      return null;
    }
  }
}
