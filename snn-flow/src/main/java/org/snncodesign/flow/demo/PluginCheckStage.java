package org.snncodesign.flow.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.snncodesign.api.plugin.PluginKind;
import org.snncodesign.api.plugin.PluginRegistry;

/** Counts the providers of each kind the pipeline can use, and reports any that failed to load. */
public final class PluginCheckStage implements DemoStage<PluginCheckStage.Figures> {

  /**
   * How many providers of each kind loaded, under each kind's label, and why any failed to load.
   *
   * @param neuronModels neuron models loaded
   * @param codings codings loaded
   * @param learningRules learning rules loaded
   * @param accelerators accelerator models loaded
   * @param datasets data sets loaded
   * @param problems one line per provider that failed to load; left out when none failed
   */
  public record Figures(
      @JsonProperty("neuron-model") long neuronModels,
      @JsonProperty("coding") long codings,
      @JsonProperty("learning-rule") long learningRules,
      @JsonProperty("accelerator") long accelerators,
      @JsonProperty("dataset") long datasets,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> problems) {

    /** Keeps the problems read-only. */
    public Figures {
      problems = List.copyOf(problems);
    }

    /** The counts and problems of {@code plugins}. */
    public static Figures of(PluginRegistry plugins) {
      return new Figures(
          loaded(plugins, PluginKind.NEURON_MODEL),
          loaded(plugins, PluginKind.CODING),
          loaded(plugins, PluginKind.LEARNING_RULE),
          loaded(plugins, PluginKind.ACCELERATOR),
          loaded(plugins, PluginKind.DATASET),
          plugins.problems().stream().map(p -> p.problem().orElse("?")).toList());
    }

    /** How many providers of {@code kind} loaded. */
    public long loaded(PluginKind kind) {
      return switch (kind) {
        case NEURON_MODEL -> neuronModels;
        case CODING -> codings;
        case LEARNING_RULE -> learningRules;
        case ACCELERATOR -> accelerators;
        case DATASET -> datasets;
      };
    }

    private static long loaded(PluginRegistry plugins, PluginKind kind) {
      return plugins.all().stream().filter(d -> d.kind() == kind && d.loaded()).count();
    }
  }

  @Override
  public String name() {
    return "plugins";
  }

  @Override
  public String description() {
    return "discover neuron models, codings, learning rules, accelerators and data sets";
  }

  @Override
  public Figures run(DemoContext context) {
    Figures figures = Figures.of(context.plugins());
    for (PluginKind kind : PluginKind.values()) {
      context.progress().printf("  %-14s %d loaded%n", kind.label(), figures.loaded(kind));
    }
    for (String problem : figures.problems()) {
      context.progress().println("  problem: " + problem);
    }
    return figures;
  }
}
