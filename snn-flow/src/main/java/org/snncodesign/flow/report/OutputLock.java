package org.snncodesign.flow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.snncodesign.api.InvalidInputException;

/**
 * A lock file beside an output ({@code .NAME.lock}, holding the process id) taken for the whole
 * run, so that two runs into one output never mix their files: the second refuses with a message
 * naming the first. A lock whose process has ended (a run killed with {@code kill -9}) is taken
 * over.
 */
final class OutputLock {
  private static final String STAGING = ".staging-";

  /**
   * A lock file without a process id younger than this is being created by a run that is starting.
   */
  private static final long FRESH_MILLIS = 10_000;

  private final Path file;

  private OutputLock(Path file) {
    this.file = file;
  }

  /**
   * Takes the lock of output {@code target}.
   *
   * @throws InvalidInputException when a running process holds it
   */
  static OutputLock acquire(Path target, String option) throws IOException {
    Path file = target.resolveSibling("." + target.getFileName() + ".lock");
    String self = Long.toString(ProcessHandle.current().pid());
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Files.writeString(Files.createFile(file), self, StandardCharsets.UTF_8);
        return new OutputLock(file);
      } catch (FileAlreadyExistsException held) {
        Optional<Long> holder = holder(file);
        boolean alive =
            holder.isPresent()
                ? ProcessHandle.of(holder.get()).map(ProcessHandle::isAlive).orElse(false)
                : justCreated(file); // its holder has not written its id yet
        if (alive) {
          throw new InvalidInputException(
              option
                  + " "
                  + target
                  + " is being written by another snn run (process "
                  + holder.map(String::valueOf).orElse("starting")
                  + "); wait for it to finish or choose another "
                  + "output (lock file "
                  + file
                  + ")");
        }
        Files.deleteIfExists(file); // left by a run that was killed
      }
    }
    throw new InvalidInputException(
        option + " " + target + ": another snn run keeps taking lock file " + file);
  }

  private static Optional<Long> holder(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean justCreated(Path file) {
    try {
      return System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis() < FRESH_MILLIS;
    } catch (IOException gone) {
      return false;
    }
  }

  /** A fresh staging folder name for output {@code name}, carrying this process's id. */
  static String stagingName(String name) {
    return "."
        + name
        + STAGING
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Deletes staging folders of output {@code name} left in {@code parent} by runs whose process has
   * ended.
   */
  static void removeStaleStaging(Path parent, String name) throws IOException {
    String prefix = "." + name + STAGING;
    try (DirectoryStream<Path> siblings =
        Files.newDirectoryStream(parent, p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path sibling : siblings) {
        String rest = sibling.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        long pid;
        try {
          pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
        } catch (NumberFormatException e) {
          continue;
        }
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          StagedOutput.deleteTree(sibling);
        }
      }
    }
  }

  void release() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The next run takes over a lock whose process has ended.
    }
  }
}
