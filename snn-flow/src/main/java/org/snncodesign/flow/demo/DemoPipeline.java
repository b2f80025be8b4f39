package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

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
  public static List<DemoStage> coDesignStages() {
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
  public static List<DemoStage> demoStages() {
    List<DemoStage> stages = new ArrayList<>(coDesignStages());
    stages.add(new LsmDemoStage());
    return List.copyOf(stages);
  }

  /**
   * Runs {@code stages} in order on {@code context}: announces each on the progress stream as
   * {@code [i/n] name: description}, gives every stage its node under {@code stages} of the report
   * (one without figures too), and records its wall time as {@code measured_timing.<name>_seconds}.
   */
  public static void run(List<DemoStage> stages, DemoContext context) throws Exception {
    // Wall-clock times vary from run to run; they go under measured_timing, apart from the figures
    // that must not.
    ObjectNode timing = context.measuredTiming();
    for (int i = 0; i < stages.size(); i++) {
      DemoStage stage = stages.get(i);
      context
          .progress()
          .printf("[%d/%d] %s: %s%n", i + 1, stages.size(), stage.name(), stage.description());
      long start = System.nanoTime();
      stage.run(context);
      double seconds = (System.nanoTime() - start) / 1e9;
      context.results(stage);
      timing.put(stage.name() + "_seconds", seconds);
    }
  }
}
