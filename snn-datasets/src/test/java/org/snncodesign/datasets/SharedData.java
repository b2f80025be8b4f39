package org.snncodesign.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's shared real data, {@code ../../shared/data} from the module folder; tests skip when
 * absent.
 */
public final class SharedData {
  public static final Path ROOT = Path.of("..", "..", "shared", "data");

  private SharedData() {}

  /** The file or folder under the shared data, or a skipped test naming what is missing. */
  public static Path require(String first, String... more) {
    Path path = ROOT.resolve(Path.of(first, more));
    assumeTrue(
        Files.exists(path),
        () ->
            "skipped: real data file "
                + path.toAbsolutePath().normalize()
                + " is absent (see shared/data/README.md)");
    return path;
  }
}
