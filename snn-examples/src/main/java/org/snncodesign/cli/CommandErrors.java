package org.snncodesign.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.snncodesign.api.SnnException;
import org.snncodesign.flow.report.ErrorLine;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How a failed command ends: one line {@code <command>: <what went wrong>[; what to try]} on
 * standard error, never a stack trace unless {@code --debug} was given. Exit code 2 for a bad
 * option or input (picocli's errors, the project's {@link SnnException}s, {@link
 * IllegalArgumentException}s), 1 for anything else.
 */
final class CommandErrors {
  static final String DEBUG_OPTION = "--debug";
  static final int BAD_INPUT = 2;
  static final int FAILED = 1;

  private final boolean debug;

  CommandErrors(boolean debug) {
    this.debug = debug;
  }

  /** A bad option value or usage: picocli's message, on one line. */
  int onBadOption(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    print(
        command.getErr(),
        command.getCommandSpec().qualifiedName()
            + ": "
            + ErrorLine.oneLine(e.getMessage())
            + " (see "
            + command.getCommandSpec().qualifiedName()
            + " --help)",
        e);
    return BAD_INPUT;
  }

  /** What a command threw. */
  int onFailure(Throwable thrown, CommandLine command) {
    Throwable cause = rootOf(thrown);
    String name = command.getCommandSpec().qualifiedName();
    if (cause instanceof OutOfMemoryError) {
      print(
          command.getErr(),
          name
              + ": ran out of memory (the JVM has "
              + org.snncodesign.cli.options.MemoryEstimate.humanBytes(
                  Runtime.getRuntime().maxMemory())
              + "); try smaller sizes or more memory (java -Xmx...)",
          thrown);
      return FAILED;
    }
    if (isBadInput(thrown)) {
      print(command.getErr(), name + ": " + ErrorLine.describe(thrown), thrown);
      return BAD_INPUT;
    }
    IOException io = ioCause(thrown);
    if (io != null) {
      print(command.getErr(), name + ": " + ErrorLine.describe(io), thrown);
      return FAILED;
    }
    print(
        command.getErr(),
        name
            + ": "
            + ErrorLine.describe(thrown)
            + " (unexpected: run again with "
            + DEBUG_OPTION
            + " for the stack trace and report it)",
        thrown);
    return FAILED;
  }

  /**
   * The command a parse result ran (the innermost subcommand), or the root when parsing did not get
   * that far.
   */
  static CommandLine ranCommand(CommandLine root) {
    ParseResult result = root.getParseResult();
    if (result == null) {
      return root;
    }
    while (result.hasSubcommand()) {
      result = result.subcommand();
    }
    return result.commandSpec().commandLine();
  }

  private static boolean isBadInput(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      // The project's own errors (a bad file, an unknown plugin, a workload a model declines) and
      // argument
      // checks of the libraries describe what the user gave, not a bug.
      if (t instanceof SnnException || t instanceof IllegalArgumentException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootOf(Throwable thrown) {
    Throwable t = thrown;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static IOException ioCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private void print(PrintWriter err, String line, Throwable thrown) {
    err.println(line);
    if (debug) {
      thrown.printStackTrace(err);
    }
    err.flush();
  }
}
