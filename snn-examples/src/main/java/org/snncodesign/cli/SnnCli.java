package org.snncodesign.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.snncodesign.cli.conversion.ConvertCommand;
import org.snncodesign.cli.data.DataCommand;
import org.snncodesign.cli.hardware.HwCommand;
import org.snncodesign.cli.lsm.LsmCommand;
import org.snncodesign.cli.nir.NirCommand;
import org.snncodesign.cli.spmm.SpmmCommand;
import org.snncodesign.cli.training.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code snn} command line. Subcommands are wired by Guice; figures go to stdout, progress to stderr. */
@Command(
    name = "snn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Hardware-software co-design of spiking neural networks.",
    subcommands = {
        PluginsCommand.class,
        DemoCommand.class,
        DataCommand.class,
        SpmmCommand.class,
        HwCommand.class,
        BenchCommand.class,
        TrainCommand.class,
        ConvertCommand.class,
        LsmCommand.class,
        NirCommand.class,
    })
public final class SnnCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    Injector injector = Guice.createInjector(new SnnModule());
    CommandLine commandLine = new CommandLine(SnnCli.class, new GuiceFactory(injector));
    commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
      cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + describe(exception));
      return 1;
    });
    return commandLine.execute(args);
  }

  private static String describe(Exception exception) {
    String message = exception.getMessage();
    return message == null ? exception.toString() : message;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
