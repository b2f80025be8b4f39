package org.snncodesign.api.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.snncodesign.api.InvalidInputException;

/**
 * Plugin jars outside the class path: folders of jars (or single jars) opened in one class loader
 * whose parent sees the framework, so that {@link PluginRegistry#discover(ClassLoader)} finds their
 * providers beside the built-in ones, with the same reporting of broken or incompatible plugins.
 * This is how {@code java -jar snn.jar} loads plugins: {@code --plugins DIR} or the {@value
 * #ENVIRONMENT_VARIABLE} environment variable.
 */
public final class PluginJars {
  /** Environment variable with extra plugin folders or jars, separated like a class path. */
  public static final String ENVIRONMENT_VARIABLE = "SNN_PLUGIN_PATH";

  private PluginJars() {}

  /**
   * The jars of {@code locations}: each location is a jar, or a folder whose {@code *.jar} files
   * are taken in name order (so discovery order does not depend on the file system).
   *
   * @throws InvalidInputException naming a location that does not exist or is neither a folder nor
   *     a jar, or a jar that cannot be read as one (a class loader would skip it without a word)
   */
  public static List<Path> jars(List<Path> locations) {
    List<Path> jars = new ArrayList<>();
    for (Path location : locations) {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.list(location)) {
          files
              .filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
              .sorted()
              .forEach(jars::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list plugin folder " + location, e);
        }
      } else if (Files.isRegularFile(location)
          && location.getFileName().toString().endsWith(".jar")) {
        jars.add(location);
      } else {
        throw new InvalidInputException(
            "plugin location " + location + ": no such folder or .jar file");
      }
    }
    jars.forEach(PluginJars::checkReadable);
    return jars;
  }

  private static void checkReadable(Path jar) {
    try (JarFile ignored = new JarFile(jar.toFile())) {
      // Opening reads the zip's central directory: enough to tell a jar from a damaged file.
    } catch (IOException e) {
      throw new InvalidInputException(
          "plugin jar " + jar + ": not a readable jar (zip) file (" + e.getMessage() + ")");
    }
  }

  /**
   * The locations listed in {@code value}, separated by the platform's path separator; none for
   * null or blank.
   */
  public static List<Path> parsePath(String value) {
    List<Path> locations = new ArrayList<>();
    if (value != null) {
      for (String part : value.split(java.io.File.pathSeparator)) {
        if (!part.isBlank()) {
          locations.add(Path.of(part.strip()));
        }
      }
    }
    return locations;
  }

  /**
   * A class loader over the jars of {@code locations} with {@code parent} as its parent; {@code
   * parent} itself when there are no jars.
   */
  public static ClassLoader loader(List<Path> locations, ClassLoader parent) {
    List<Path> jars = jars(locations);
    if (jars.isEmpty()) {
      return parent;
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toAbsolutePath().toUri().toURL();
      } catch (MalformedURLException e) {
        throw new InvalidInputException("plugin jar " + jars.get(i) + ": not a valid location", e);
      }
    }
    return new URLClassLoader("snn-plugins", urls, parent);
  }
}
