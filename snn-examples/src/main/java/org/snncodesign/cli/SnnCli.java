package org.snncodesign.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.plugin.PluginJars;
import org.snncodesign.api.plugin.PluginRegistry;
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

  private static final String PLUGINS_OPTION = "--plugins";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = PLUGINS_OPTION, paramLabel = "DIR",
      description = "Folders of plugin jars (or jars), separated like a class path, loaded beside the built-in "
          + "plugins; give it before the command, e.g. snn --plugins ~/snn-plugins plugins. The "
          + PluginJars.ENVIRONMENT_VARIABLE + " environment variable adds more.")
  List<Path> plugins;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    List<Path> locations = new ArrayList<>(PluginJars.parsePath(System.getenv(PluginJars.ENVIRONMENT_VARIABLE)));
    locations.addAll(pluginOptions(args));
    ClassLoader loader;
    try {
      loader = PluginJars.loader(locations, SnnCli.class.getClassLoader());
    } catch (InvalidInputException e) {
      System.err.println("snn: " + e.getMessage());
      return 2;
    }
    // Library code that discovers plugins itself (PluginRegistry.discover()) sees the plugin jars too.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Injector injector = Guice.createInjector(new SnnModule(PluginRegistry.discover(loader)));
      CommandLine commandLine = new CommandLine(SnnCli.class, new GuiceFactory(injector));
      commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + describe(exception));
        return 1;
      });
      return commandLine.execute(args);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** The values of {@code --plugins} given before the subcommand (picocli parses them again, for help). */
  static List<Path> pluginOptions(String... args) {
    List<Path> locations = new ArrayList<>();
    for (int i = 0; i < args.length && args[i].startsWith("-"); i++) {
      if (args[i].equals(PLUGINS_OPTION) && i + 1 < args.length) {
        locations.addAll(PluginJars.parsePath(args[++i]));
      } else if (args[i].startsWith(PLUGINS_OPTION + "=")) {
        locations.addAll(PluginJars.parsePath(args[i].substring(PLUGINS_OPTION.length() + 1)));
      }
    }
    return locations;
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
