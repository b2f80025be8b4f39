package org.snncodesign.api.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * One file written under a temporary name beside it ({@code .NAME.<random>.part}, unique so that
 * two processes writing the same file, such as a model cache shared by runs, never share one) and
 * renamed over it when complete, so that a reader, or a run that crashes half way, never sees half
 * a file. Folders are created as needed. For a whole output folder see {@code
 * org.snncodesign.flow.report.StagedOutput}.
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
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null) {
      throw new IOException(file + " is a file system root; expected the path of a file");
    }
    Files.createDirectories(parent);
    // Not Files.createTempFile: its owner-only permissions would carry over to the moved-in file.
    Path temporary = parent.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
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
  public static void moveOver(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
