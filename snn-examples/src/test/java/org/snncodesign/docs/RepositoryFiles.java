package org.snncodesign.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository's root from a test's working folder, for tests that check files outside the
 * module.
 */
public final class RepositoryFiles {
  private RepositoryFiles() {}

  /**
   * The nearest folder at or above the working folder that holds {@code README.md}, {@code docs/}
   * and a pom.
   */
  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("docs"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no folder with README.md, docs/ and pom.xml at or above " + Path.of("").toAbsolutePath());
  }
}
