package org.snncodesign.cli.nir;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code snn nir}: networks from snnTorch, Norse, Sinabs, Lava, ... as NIR files. */
@Command(
    name = "nir",
    mixinStandardHelpOptions = true,
    description =
        "Inspect and simulate NIR graphs (.nir files written by snnTorch, Norse, Sinabs, Rockpool, Lava, "
            + "SpikingJelly, ...).",
    subcommands = {NirInfoCommand.class, NirRunCommand.class})
public final class NirCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
