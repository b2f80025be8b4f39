package org.snncodesign.cli.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.snncodesign.api.InvalidInputException;

/**
 * An output folder whose files are written to a staging folder beside it and moved in only when every one is
 * complete, so that an interrupted run never leaves a half-written file in the folder.
 */
public final class StagedOutput implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private final List<String> files = new ArrayList<>();
  private boolean committed;

  private StagedOutput(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Stages output for folder {@code target}, checked (and created) before any work is done.
   *
   * @throws InvalidInputException when {@code target} exists and is not a folder
   */
  public static StagedOutput to(Path target) throws IOException {
    Path folder = target.toAbsolutePath();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new InvalidInputException("--out " + target + " is a file; expected a folder");
    }
    Files.createDirectories(folder);
    return new StagedOutput(folder, Files.createTempDirectory(folder, ".staging-"));
  }

  /** Where to write file {@code name} until {@link #commit()}. */
  public Path file(String name) {
    files.add(name);
    return staging.resolve(name);
  }

  /** The final place of file {@code name}. */
  public Path finalPath(String name) {
    return target.resolve(name);
  }

  /** Moves every staged file into the target folder, each atomically where the file system allows. */
  public void commit() throws IOException {
    for (String name : files) {
      Path from = staging.resolve(name);
      if (!Files.exists(from)) {
        continue;
      }
      try {
        Files.move(from, target.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    committed = true;
  }

  /** Deletes the staging folder (and, when not committed, whatever was written into it). */
  @Override
  public void close() throws IOException {
    if (!Files.exists(staging)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(staging)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Whether {@link #commit()} ran. */
  public boolean committed() {
    return committed;
  }
}
