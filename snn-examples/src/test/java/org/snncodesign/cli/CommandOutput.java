package org.snncodesign.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;
import picocli.CommandLine;

/**
 * Runs a command in-process and captures its exit code, standard output and standard error, for
 * tests.
 */
public record CommandOutput(int exitCode, String out, String err) {

  /** Runs one picocli command object with {@code args}. */
  public static CommandOutput of(Object command, String... args) {
    return capture(
        err -> {
          CommandLine commandLine = new CommandLine(command);
          commandLine.setErr(new PrintWriter(err, true));
          return commandLine.execute(args);
        });
  }

  /** Runs the whole {@code snn} command line, wired with Guice as {@code java -jar snn.jar} is. */
  public static CommandOutput ofCli(String... args) {
    return capture(err -> SnnCli.run(args));
  }

  /** The JSON object a command printed last with {@code --json}; fails unless it exited with 0. */
  public static JsonNode json(Object command, String... args) throws IOException {
    CommandOutput output = of(command, args);
    if (output.exitCode() != 0) {
      throw new AssertionError("exit code " + output.exitCode() + ", stderr: " + output.err());
    }
    return JsonReport.mapper().readTree(output.lastLine());
  }

  /**
   * Runs {@code run}, given the stream standing for standard error, with standard output and error
   * captured.
   */
  // System.out and System.err are global: one capture at a time.
  static synchronized CommandOutput capture(ToIntFunction<PrintStream> run) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(errStream);
      int code = run.applyAsInt(errStream);
      return new CommandOutput(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** The last non-empty line of standard output: where {@code --json} puts its object. */
  public String lastLine() {
    String[] lines = out.strip().split("\\R");
    return lines[lines.length - 1];
  }
}
