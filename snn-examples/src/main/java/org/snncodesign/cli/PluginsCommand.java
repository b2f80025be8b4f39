package org.snncodesign.cli;

import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.report.PluginsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code snn plugins}: every discovered provider by kind, with the problems of those refused. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description =
        "List the neuron models, codings, learning rules, accelerators and data sets found on the class path.")
final class PluginsCommand implements Callable<Integer> {
  private final PluginRegistry registry;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Inject
  PluginsCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PluginsReport report = PluginsReport.of(registry);
    if (json) {
      JsonReport.printLine(JsonReport.of("plugins", report), out);
      return 0;
    }
    out.printf(
        "%-14s %-22s %-14s %-5s %-12s %s%n", "KIND", "NAME", "VERSION", "API", "STATUS", "SOURCE");
    for (PluginsReport.Entry p : report.plugins()) {
      out.printf(
          "%-14s %-22s %-14s %-5s %-12s %s%n",
          p.kind(), p.name(), p.version(), p.apiVersion(), p.status(), p.sourceName());
    }
    for (PluginsReport.Entry p : report.plugins()) {
      if (!p.loaded()) {
        out.println("problem: " + (p.problem() == null ? "?" : p.problem()));
      }
    }
    out.printf(
        "%d plugins loaded, %d refused or failed (snn-api %s)%n",
        report.loaded(), report.problems(), report.apiVersion());
    return 0;
  }
}
