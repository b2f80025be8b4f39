package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.plugin.PluginDescriptor;
import org.snncodesign.api.plugin.PluginKind;

/** Counts the providers of each kind the pipeline can use, and reports any that failed to load. */
public final class PluginCheckStage implements DemoStage {
  @Override
  public String name() {
    return "plugins";
  }

  @Override
  public String description() {
    return "discover neuron models, codings, learning rules, accelerators and data sets";
  }

  @Override
  public void run(DemoContext context) {
    ObjectNode results = context.results(this);
    for (PluginKind kind : PluginKind.values()) {
      long loaded =
          context.plugins().all().stream().filter(d -> d.kind() == kind && d.loaded()).count();
      results.put(kind.label(), loaded);
      context.progress().printf("  %-14s %d loaded%n", kind.label(), loaded);
    }
    for (PluginDescriptor problem : context.plugins().problems()) {
      context.progress().println("  problem: " + problem.problem().orElse("?"));
      results.withArray("problems").add(problem.problem().orElse("?"));
    }
  }
}
