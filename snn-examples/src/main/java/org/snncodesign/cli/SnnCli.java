package org.snncodesign.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.plugin.PluginJars;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.conversion.ConvertCommand;
import org.snncodesign.cli.data.DataCommand;
import org.snncodesign.cli.hardware.HwCommand;
import org.snncodesign.cli.lsm.LsmCommand;
import org.snncodesign.cli.nir.NirCommand;
import org.snncodesign.cli.options.FiniteNumbers;
import org.snncodesign.cli.report.OutputStaging;
import org.snncodesign.cli.spmm.SpmmCommand;
import org.snncodesign.cli.training.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code snn} command line. Subcommands are wired by Guice; figures go to stdout, progress to
 * stderr.
 */
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
      SweepCommand.class,
    })
public final class SnnCli implements Runnable {

  private static final String PLUGINS_OPTION = "--plugins";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = PLUGINS_OPTION,
      paramLabel = "DIR",
      description =
          "Folders of plugin jars (or jars), separated like a class path, loaded beside the built-in "
              + "plugins; give it before the command, e.g. snn --plugins ~/snn-plugins plugins. The "
              + PluginJars.ENVIRONMENT_VARIABLE
              + " environment variable adds more.")
  List<Path> plugins;

  @CommandLine.Option(
      names = CommandErrors.DEBUG_OPTION,
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error (for a bug report).")
  boolean debug;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    List<Path> locations =
        new ArrayList<>(PluginJars.parsePath(System.getenv(PluginJars.ENVIRONMENT_VARIABLE)));
    locations.addAll(pluginOptions(args));
    ClassLoader loader;
    try {
      loader = PluginJars.loader(locations, SnnCli.class.getClassLoader());
    } catch (InvalidInputException e) {
      System.err.println("snn: " + e.getMessage());
      return 2;
    }
    // Library code that discovers plugins itself (PluginRegistry.discover()) sees the plugin jars
    // too.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Injector injector = Guice.createInjector(new SnnModule(PluginRegistry.discover(loader)));
      return execute(injector, args);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /**
   * Runs {@code args} on a fresh command tree from {@code injector}: options checked by the shared
   * validation layer, outputs staged, and every error ended in one line ({@link CommandErrors}).
   */
  static int execute(Injector injector, String... args) {
    CommandLine commandLine = new CommandLine(SnnCli.class, new GuiceFactory(injector));
    CommandErrors errors = new CommandErrors(List.of(args).contains(CommandErrors.DEBUG_OPTION));
    FiniteNumbers.register(commandLine);
    commandLine.setExecutionStrategy(new OutputStaging());
    commandLine.setParameterExceptionHandler(errors::onBadOption);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parsed) -> errors.onFailure(exception, cmd));
    try {
      return commandLine.execute(args);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      // Thrown outside a command's own code (picocli hands those to the handler above), or an
      // Error.
      return errors.onFailure(e, CommandErrors.ranCommand(commandLine));
    }
  }

  /**
   * The values of {@code --plugins} given before the subcommand (picocli parses them again, for
   * help).
   */
  static List<Path> pluginOptions(String... args) {
    List<Path> locations = new ArrayList<>();
    Iterator<String> arguments = List.of(args).iterator();
    while (arguments.hasNext()) {
      String argument = arguments.next();
      if (!argument.startsWith("-")) {
        break;
      }
      if (argument.equals(PLUGINS_OPTION) && arguments.hasNext()) {
        locations.addAll(PluginJars.parsePath(arguments.next()));
      } else if (argument.startsWith(PLUGINS_OPTION + "=")) {
        locations.addAll(PluginJars.parsePath(argument.split("=", 2)[1]));
      }
    }
    return locations;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }
}
