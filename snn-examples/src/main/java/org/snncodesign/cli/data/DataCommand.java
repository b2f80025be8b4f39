package org.snncodesign.cli.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code snn data}: inspect data sets ({@code info}) and render samples ({@code show}). */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description =
        "Inspect data sets: counts, shapes and label histograms, or render one sample as PNG.",
    subcommands = {DataInfoCommand.class, DataShowCommand.class})
public final class DataCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
