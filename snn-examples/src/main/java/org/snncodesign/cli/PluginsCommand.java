package org.snncodesign.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.plugin.PluginDescriptor;
import org.snncodesign.api.plugin.PluginRegistry;
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
    if (json) {
      JsonReport.printLine(toJson(), out);
      return 0;
    }
    out.printf(
        "%-14s %-22s %-14s %-5s %-12s %s%n", "KIND", "NAME", "VERSION", "API", "STATUS", "SOURCE");
    for (PluginDescriptor d : registry.all()) {
      out.printf(
          "%-14s %-22s %-14s %-5s %-12s %s%n",
          d.kind().label(),
          d.name(),
          d.version(),
          d.apiVersion(),
          d.status().name().toLowerCase(),
          shortSource(d.source()));
    }
    for (PluginDescriptor d : registry.problems()) {
      out.println("problem: " + d.problem().orElse("?"));
    }
    out.printf(
        "%d plugins loaded, %d refused or failed (snn-api %s)%n",
        registry.all().size() - registry.problems().size(),
        registry.problems().size(),
        ApiVersion.CURRENT);
    return 0;
  }

  private ObjectNode toJson() {
    ObjectNode report = JsonReport.create("plugins");
    report.put("api_version", ApiVersion.CURRENT.toString());
    ArrayNode plugins = report.putArray("plugins");
    for (PluginDescriptor d : registry.all()) {
      ObjectNode p = plugins.addObject();
      p.put("kind", d.kind().label());
      p.put("name", d.name());
      p.put("version", d.version());
      p.put("api_version", d.apiVersion());
      p.put("class", d.className());
      p.put("source", d.source());
      p.put("status", d.status().name().toLowerCase());
      d.problem().ifPresent(problem -> p.put("problem", problem));
      d.instance().ifPresent(plugin -> p.put("description", plugin.description()));
    }
    report.put("loaded", registry.all().size() - registry.problems().size());
    report.put("problems", registry.problems().size());
    return report;
  }

  // The jar's file name is what a user recognises; the full URL is in the JSON.
  private static String shortSource(String source) {
    int slash =
        source.lastIndexOf('/', source.endsWith("/") ? source.length() - 2 : source.length());
    return slash < 0 ? source : source.substring(slash + 1);
  }
}
