package org.snncodesign.flow.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.io.AtomicFile;

/**
 * An output (a folder or one file) written into a staging folder beside it and moved into place
 * only when the run has succeeded, so that an interrupted or failed run never leaves a half-written
 * or mixed set of files.
 *
 * <p>Before any work: the target is checked (a folder must not be a file and the other way round),
 * the folder that will hold it must be writable, and an {@link OutputLock} beside the target
 * refuses a second run into the same place while the first is running. The target folder itself is
 * created only at {@link #commit()}, so a failed run creates nothing, and a run never deletes a
 * folder: only its own staging folder.
 */
public final class StagedOutput implements AutoCloseable {
  /** Staged paths of the outputs being written in this JVM, and what they stand for. */
  private static final Map<Path, Path> SHOWN = new ConcurrentHashMap<>();

  private final Path target;
  private final boolean folder;
  private final Path staging;
  private final OutputLock lock;
  private final Thread cleanupOnExit;
  private boolean committed;
  private boolean closed;

  private StagedOutput(Path target, boolean folder, Path staging, OutputLock lock) {
    this.target = target;
    this.folder = folder;
    this.staging = staging;
    this.lock = lock;
    // Ctrl-C or kill (not kill -9) during the run: remove the staging folder and the lock, touch
    // nothing else.
    this.cleanupOnExit = new Thread(this::closeQuietly, "staged-output-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    // A staged file's companions (a chart beside a CSV) move beside it, so they are shown there
    // too.
    SHOWN.put(staging, folder ? target : target.getParent());
  }

  /** Stages output folder {@code target} of option {@code --out}. */
  public static StagedOutput to(Path target) throws IOException {
    return folder(target, "--out");
  }

  /**
   * Stages output folder {@code target}, given by option {@code option}, checked before any work is
   * done.
   *
   * @throws InvalidInputException when {@code target} is a file, its parent is not a writable
   *     folder, or another run is writing it
   */
  public static StagedOutput folder(Path target, String option) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new InvalidInputException(option + " " + target + " is a file; expected a folder");
    }
    return stage(absolute, true, option, target);
  }

  /**
   * Stages output file {@code target}, given by option {@code option}, checked before any work is
   * done.
   *
   * @throws InvalidInputException when {@code target} is a folder, its parent is not a writable
   *     folder, or another run is writing it
   */
  public static StagedOutput file(Path target, String option) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new InvalidInputException(option + " " + target + " is a folder; expected a file name");
    }
    return stage(absolute, false, option, target);
  }

  private static StagedOutput stage(Path absolute, boolean folder, String option, Path given)
      throws IOException {
    Path parent = absolute.getParent();
    if (parent == null || absolute.getFileName() == null) {
      throw new InvalidInputException(option + " " + given + " names no file or folder");
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new InvalidInputException(
          option + " " + given + ": cannot create folder " + parent + " (" + reason(e) + ")");
    }
    if (!Files.isWritable(parent)) {
      throw new InvalidInputException(
          option + " " + given + ": folder " + parent + " is not writable");
    }
    OutputLock lock;
    try {
      lock = OutputLock.acquire(absolute, option);
    } catch (IOException e) {
      throw cannotWrite(option, given, parent, e);
    }
    try {
      String name = absolute.getFileName().toString();
      OutputLock.removeStaleStaging(parent, name);
      Path staging = Files.createDirectory(parent.resolve(OutputLock.stagingName(name)));
      return new StagedOutput(absolute, folder, staging, lock);
    } catch (IOException e) {
      lock.release();
      throw cannotWrite(option, given, parent, e);
    } catch (RuntimeException e) {
      lock.release();
      throw e;
    }
  }

  /** The path the run writes to in place of the target: the staging folder, or the staged file. */
  public Path stagedPath() {
    return folder ? staging : staging.resolve(target.getFileName().toString());
  }

  /** Where to write file {@code name} of a staged folder until {@link #commit()}. */
  public Path file(String name) {
    return staging.resolve(name);
  }

  /** The final place of file {@code name} of a staged folder. */
  public Path finalPath(String name) {
    return target.resolve(name);
  }

  /**
   * The path to show a user for {@code path}: the final place when {@code path} lies in a staging
   * folder of this JVM, else {@code path} itself.
   */
  public static Path shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    for (Map.Entry<Path, Path> staged : SHOWN.entrySet()) {
      if (absolute.startsWith(staged.getKey())) {
        return staged.getValue().resolve(staged.getKey().relativize(absolute).toString());
      }
    }
    return path;
  }

  /**
   * Moves every staged file into place, each by an atomic rename (the staging folder is on the same
   * file system): into the target folder, creating it and its subfolders as needed, or, for a
   * staged file, beside it (the file itself and any companion a command writes next to it, such as
   * a chart beside a CSV).
   */
  public synchronized void commit() throws IOException {
    if (closed) {
      return;
    }
    Path destination = folder ? target : target.getParent();
    Files.createDirectories(destination);
    List<Path> written;
    try (Stream<Path> paths = Files.walk(staging)) {
      written = paths.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path from : written) {
      Path to = destination.resolve(staging.relativize(from).toString());
      Files.createDirectories(to.getParent());
      AtomicFile.moveOver(from, to);
    }
    committed = true;
  }

  /**
   * Deletes the staging folder (and, when not committed, whatever was written into it) and releases
   * the lock.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    SHOWN.remove(staging);
    try {
      deleteTree(staging);
    } finally {
      lock.release();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
      } catch (IllegalStateException shuttingDown) {
        // Called from the hook itself while the JVM exits: nothing to remove.
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Whether {@link #commit()} ran. */
  public boolean committed() {
    return committed;
  }

  private static InvalidInputException cannotWrite(
      String option, Path given, Path parent, IOException e) {
    return new InvalidInputException(
        option + " " + given + ": cannot write in folder " + parent + " (" + reason(e) + ")", e);
  }

  private static String reason(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + " " + e.getMessage();
  }
}
