package org.snncodesign.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.dataset.DatasetProvider;

/**
 * Skeleton of a file-format {@link DatasetProvider} of API version 1.0: it holds the plugin name
 * and description and decides {@link #accepts(Path)} from the file name, or from a folder's entries
 * for formats that read folders. Paths without a file name (a root) are never accepted.
 */
public abstract class AbstractDatasetProvider implements DatasetProvider {
  private final String name;
  private final String description;

  /**
   * @param name plugin name (short kebab-case)
   * @param description one-line description
   */
  protected AbstractDatasetProvider(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /**
   * Whether a file (not a folder) named {@code fileName}, as given (case kept), is in this format.
   */
  protected abstract boolean acceptsFileName(String fileName);

  /** Whether this provider reads {@code folder}; false unless the format reads folders. */
  protected boolean acceptsFolder(Path folder) {
    return false;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  @Override
  public final boolean accepts(Path path) {
    Path fileName = path.getFileName();
    if (fileName == null) {
      return false;
    }
    return Files.isDirectory(path) ? acceptsFolder(path) : acceptsFileName(fileName.toString());
  }

  /**
   * Whether {@code fileName} ends with one of {@code extensions} (lower case, with the dot),
   * ignoring case.
   */
  protected static boolean hasExtension(String fileName, String... extensions) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String extension : extensions) {
      if (lower.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether any path below {@code folder}, at most {@code depth} levels down (the folder itself
   * excluded), passes {@code test}; false when the folder cannot be listed.
   */
  protected static boolean anyEntry(Path folder, int depth, Predicate<Path> test) {
    try (Stream<Path> walk = Files.walk(folder, depth)) {
      return walk.skip(1).anyMatch(test);
    } catch (IOException e) {
      return false;
    }
  }
}
