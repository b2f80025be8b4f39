package org.snncodesign.api.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("An atomically written file")
class AtomicFileTest {

  @Test
  @DisplayName(
      "gives the file the permissions any new file in its folder gets (not a temporary file's "
          + "owner-only ones), creating the folder")
  void usualPermissions(@TempDir Path dir) throws Exception {
    assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX files");
    Path file = dir.resolve("out/report.json");
    AtomicFile.write(file, temporary -> Files.writeString(temporary, "{}"));
    Path plain = Files.writeString(dir.resolve("out/plain.json"), "{}");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
  }

  @Test
  @DisplayName("replaces the earlier file whole and leaves no temporary file")
  void replaces(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("results.csv"), "old");
    AtomicFile.write(
        file,
        temporary -> {
          assertThat(file).hasContent("old"); // not touched until the new content is complete
          Files.writeString(temporary, "new");
        });
    assertThat(file).hasContent("new");
    assertThat(names(dir)).containsExactly("results.csv");
  }

  @Test
  @DisplayName("that fails half way leaves the earlier file as it was and removes what it wrote")
  void failureKeepsOld(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("results.csv"), "old");
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    file,
                    temporary -> {
                      Files.writeString(temporary, "half a ro");
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(file).hasContent("old");
    assertThat(names(dir)).containsExactly("results.csv");
  }

  private static java.util.List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
