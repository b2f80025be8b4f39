package org.snncodesign.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.cli.options.OptionBounds;
import org.snncodesign.flow.report.StagedOutput;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * How every {@code snn} command runs: its numeric options are checked ({@link OptionBounds}), then
 * each output it was given ({@code --out} folder; {@code --csv}, {@code --png}, {@code -o}, {@code
 * --export-nir}, {@code --export-onnx} files) is checked and locked, and the command writes into a
 * {@link StagedOutput} in its place; the files move into the real output only when the command
 * returns 0. Commands need no code of their own for this.
 */
public final class OutputStaging implements IExecutionStrategy {
  /** Output options, true for a folder and false for a single file. */
  private static final Map<String, Boolean> OUTPUTS =
      Map.of(
          "--out",
          true,
          "--csv",
          false,
          "--png",
          false,
          "--output",
          false,
          "--export-nir",
          false,
          "--export-onnx",
          false);

  @Override
  public int execute(ParseResult parseResult) {
    if (CommandLine.printHelpIfRequested(parseResult)) {
      return 0;
    }
    ParseResult leaf = parseResult;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    CommandLine command = leaf.commandSpec().commandLine();
    OptionBounds.check(command);
    if (leaf.commandSpec().userObject() instanceof SelfStaged) {
      return new CommandLine.RunLast().execute(parseResult);
    }
    List<StagedOutput> staged = new ArrayList<>();
    try {
      for (OptionSpec option : leaf.commandSpec().options()) {
        Boolean folder = OUTPUTS.get(option.longestName());
        if (folder == null || option.type() != Path.class || option.getValue() == null) {
          continue;
        }
        Path target = option.getValue();
        StagedOutput output;
        try {
          output =
              folder
                  ? StagedOutput.folder(target, option.longestName())
                  : StagedOutput.file(target, option.longestName());
        } catch (InvalidInputException e) {
          throw new CommandLine.ParameterException(command, e.getMessage());
        }
        staged.add(output);
        option.setValue(output.stagedPath());
      }
      int exitCode = new CommandLine.RunLast().execute(parseResult);
      if (exitCode == 0) {
        for (StagedOutput output : staged) {
          output.commit();
        }
      }
      return exitCode;
    } catch (IOException e) {
      throw new CommandLine.ExecutionException(command, "output: " + e, e);
    } finally {
      for (StagedOutput output : staged) {
        try {
          output.close();
        } catch (IOException e) {
          System.err.println(
              command.getCommandSpec().qualifiedName()
                  + ": could not remove a staging folder: "
                  + e);
        }
      }
    }
  }
}
