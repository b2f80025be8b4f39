package org.snncodesign.flow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;

@DisplayName("An error as the one line a command prints")
class ErrorLineTest {

  @Test
  @DisplayName("a file error names its reason and the file, however deep it is wrapped")
  void fileErrors() {
    assertThat(
            ErrorLine.describe(
                new IllegalStateException(
                    "job failed", new UncheckedIOException(new NoSuchFileException("/x/s.json")))))
        .isEqualTo("no such file or folder: /x/s.json");
    assertThat(ErrorLine.describe(new AccessDeniedException("/sys/x", null, "read-only")))
        .isEqualTo("access denied (read-only): /sys/x");
  }

  @Test
  @DisplayName("bad input wins over the wrappers around it, and a message keeps to one line")
  void badInputOnOneLine() {
    assertThat(
            ErrorLine.describe(
                new RuntimeException(
                    "task 3 failed", new InvalidInputException("--keep 2:\n expected (0, 1]"))))
        .isEqualTo("--keep 2:; expected (0, 1]");
    assertThat(ErrorLine.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
  }
}
