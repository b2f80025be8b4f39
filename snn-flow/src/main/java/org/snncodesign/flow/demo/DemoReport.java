package org.snncodesign.flow.demo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.SnnException;

/**
 * The figures of one demo run, as Jackson writes them: the seed, every stage's wall time under
 * {@code measured_timing} (the only fields that vary between runs of one seed, with the training
 * stage's {@code train_seconds}), then each stage's figures under {@code stages}, in pipeline
 * order.
 *
 * @param seed the seed of every random choice
 * @param measuredTiming each stage's wall time, as {@code <stage>_seconds}, in pipeline order
 * @param stages each stage's figures by stage name, in pipeline order
 */
@JsonPropertyOrder({"seed", "measured_timing", "stages"})
public record DemoReport(
    long seed,
    @JsonProperty("measured_timing") Map<String, Double> measuredTiming,
    Map<String, Object> stages) {

  /** Keeps the maps' order (pipeline order) and makes them read-only. */
  public DemoReport {
    measuredTiming = Collections.unmodifiableMap(new LinkedHashMap<>(measuredTiming));
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }

  /**
   * The figures of the stage named {@code stage}, e.g. {@code figures("training",
   * TrainingDemoStage.Figures.class)}.
   *
   * @throws SnnException naming the stage when no stage of that name ran or its figures are of
   *     another type
   */
  public <F> F figures(String stage, Class<F> type) {
    Object figures = stages.get(stage);
    if (!type.isInstance(figures)) {
      throw new SnnException(
          "demo report: stage '"
              + stage
              + "' "
              + (figures == null
                  ? "did not run (stages: " + String.join(", ", stages.keySet()) + ")"
                  : "has " + figures.getClass().getSimpleName() + ", not " + type.getSimpleName()));
    }
    return type.cast(figures);
  }
}
