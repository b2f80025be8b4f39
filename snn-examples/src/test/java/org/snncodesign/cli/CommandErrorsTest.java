package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.SnnException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@DisplayName("A failed command ends in one line")
class CommandErrorsTest {

  @Command(name = "work")
  static final class Work implements Runnable {
    @Override
    public void run() {}
  }

  private final StringWriter err = new StringWriter();

  private int fail(boolean debug, Throwable thrown) {
    CommandLine command = new CommandLine(new Work());
    command.setErr(new PrintWriter(err, true));
    return new CommandErrors(debug).onFailure(thrown, command);
  }

  @Test
  @DisplayName(
      "running out of memory names the command, the JVM's memory and what to try, exit code 1")
  void outOfMemory() {
    assertThat(
            fail(
                false,
                new IllegalStateException(
                    "a worker failed", new OutOfMemoryError("Java heap space"))))
        .isEqualTo(1);
    assertThat(err.toString())
        .startsWith("work: ran out of memory (the JVM has ")
        .contains("-Xmx")
        .hasLineCount(1);
  }

  @Test
  @DisplayName("a file error gives its reason and the file, not a bare path")
  void fileError() {
    fail(false, new UncheckedIOException(new AccessDeniedException("/sys/report.json")));
    assertThat(err.toString().strip()).isEqualTo("work: access denied: /sys/report.json");
  }

  @Test
  @DisplayName(
      "an unexpected exception gives its message and points to --debug, without a stack trace")
  void unexpected() {
    assertThat(fail(false, new NullPointerException("layer is null"))).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "work: layer is null (unexpected: run again with --debug for the "
                + "stack trace and report it)");
  }

  @Test
  @DisplayName("with --debug the stack trace follows the line")
  void debugPrintsStackTrace() {
    fail(true, new NullPointerException("layer is null"));
    assertThat(err.toString())
        .contains("java.lang.NullPointerException: layer is null")
        .contains("\tat ");
  }

  @Test
  @DisplayName("a bad input (an IllegalArgumentException from the library) exits with code 2")
  void badInput() {
    assertThat(fail(false, new IllegalArgumentException("threads must be > 0, got 0")))
        .isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("work: threads must be > 0, got 0");
  }

  @Test
  @DisplayName(
      "the project's own error (an unknown plugin) is a bad input: exit code 2, no 'unexpected' hint")
  void projectError() {
    assertThat(fail(false, new SnnException("no Accelerator plugin named 'foo'"))).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("work: no Accelerator plugin named 'foo'");
  }
}
