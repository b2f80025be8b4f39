package org.snncodesign.flow.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The co-design demo as a recipe: plugins, training, software run and hardware pricing on the
 * embedded digits ({@link #coDesignStages()}), then a pruned liquid state machine ({@link
 * #demoStages()}), run in order on one {@link DemoContext}. The same seed gives the same report,
 * except the wall-clock times under {@code measured_timing} (and the training stage's {@code
 * train_seconds}).
 */
public final class DemoPipeline {
  private DemoPipeline() {}

  /**
   * The stages of the co-design loop, in pipeline order: plugins, training, software run, hardware.
   */
  public static List<DemoStage<?>> coDesignStages() {
    return List.of(
        new PluginCheckStage(),
        new TrainingDemoStage(),
        new SoftwareRunStage(),
        new HardwareStage());
  }

  /**
   * The stages of {@code snn demo}: the co-design loop, then the liquid state machine ({@link
   * LsmDemoStage}).
   */
  public static List<DemoStage<?>> demoStages() {
    List<DemoStage<?>> stages = new ArrayList<>(coDesignStages());
    stages.add(new LsmDemoStage());
    return List.copyOf(stages);
  }

  /**
   * Runs {@code stages} in order on {@code context}: announces each on the progress stream as
   * {@code [i/n] name: description}, and reports every stage's figures under its name (an empty
   * object for a stage without figures) and its wall time as {@code <name>_seconds}.
   */
  public static DemoReport run(List<? extends DemoStage<?>> stages, DemoContext context)
      throws Exception {
    Map<String, Double> timing = new LinkedHashMap<>();
    Map<String, Object> figures = new LinkedHashMap<>();
    for (int i = 0; i < stages.size(); i++) {
      DemoStage<?> stage = stages.get(i);
      context
          .progress()
          .printf("[%d/%d] %s: %s%n", i + 1, stages.size(), stage.name(), stage.description());
      long start = System.nanoTime();
      Object stageFigures = stage.run(context);
      timing.put(stage.name() + "_seconds", (System.nanoTime() - start) / 1e9);
      figures.put(stage.name(), stageFigures == null ? Map.of() : stageFigures);
    }
    return new DemoReport(context.seed(), timing, figures);
  }
}
