package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One file written under a temporary name beside it ({@code .NAME.part}) and renamed over it when
 * complete, so that a reader, or a run that crashes half way, never sees half a file. For a whole
 * output folder see {@link StagedOutput}.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the content of a file to the path it is given. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content to {@code temporary}. */
    void writeTo(Path temporary) throws IOException;
  }

  /**
   * Writes {@code file} through {@code content} and moves it in, replacing any earlier file; on
   * failure the temporary file is removed and {@code file} is left as it was.
   */
  public static void write(Path file, Content content) throws IOException {
    Path temporary = file.resolveSibling("." + file.getFileName() + ".part");
    try {
      content.writeTo(temporary);
      moveOver(temporary, file);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
  }

  /**
   * Renames {@code from} over {@code to}: atomically where the file system can (the same one), else
   * plainly.
   */
  static void moveOver(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
