package org.snncodesign.cli.hardware;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code snn hw}: accelerator models, design-space search and Verilog export. */
@Command(
    name = "hw",
    mixinStandardHelpOptions = true,
    description =
        "What a spiking network costs on FPGA accelerator models; search designs; export Verilog.",
    subcommands = {HwEvaluateCommand.class, HwSearchCommand.class, HwVerilogCommand.class})
public final class HwCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
