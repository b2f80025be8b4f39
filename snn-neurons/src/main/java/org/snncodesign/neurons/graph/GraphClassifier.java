package org.snncodesign.neurons.graph;

import java.util.List;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.graph.GraphAnnotations;
import org.snncodesign.api.graph.InvalidGraphException;
import org.snncodesign.api.graph.NetworkGraph;

/**
 * A graph used as a classifier on the engine: each sample is fed to the graph's one Input as a
 * constant analog value for T steps (direct encoding, as the trainer feeds it), and the class is
 * the Output element with the largest score ({@link Scoring}; the first one on a tie).
 */
public final class GraphClassifier {
  /**
   * How the Output values of a run become class scores (the graph's {@link
   * GraphAnnotations#READOUT}).
   */
  public enum Scoring {
    /** Spikes (or values) summed over the steps. */
    SPIKE_COUNT,
    /** Values averaged over the steps: the same ranking as the sum. */
    MEAN_MEMBRANE,
    /** The value after the last step. */
    LAST_MEMBRANE;

    /**
     * The scoring {@code graph} states, {@link #SPIKE_COUNT} when it states none.
     *
     * @throws InvalidGraphException naming an unknown value
     */
    public static Scoring of(NetworkGraph graph) {
      String readout =
          graph
              .metadata()
              .getOrDefault(GraphAnnotations.READOUT, GraphAnnotations.READOUT_SPIKE_COUNT);
      return switch (readout) {
        case GraphAnnotations.READOUT_SPIKE_COUNT -> SPIKE_COUNT;
        case GraphAnnotations.READOUT_MEAN_MEMBRANE -> MEAN_MEMBRANE;
        case GraphAnnotations.READOUT_LAST_MEMBRANE -> LAST_MEMBRANE;
        default ->
            throw new InvalidGraphException(
                "graph metadata "
                    + GraphAnnotations.READOUT
                    + " = '"
                    + readout
                    + "': expected "
                    + List.of(
                        GraphAnnotations.READOUT_SPIKE_COUNT,
                        GraphAnnotations.READOUT_MEAN_MEMBRANE,
                        GraphAnnotations.READOUT_LAST_MEMBRANE));
      };
    }
  }

  /**
   * The outcome over a data set.
   *
   * @param samples samples classified
   * @param correct samples whose top score is their label
   */
  public record Result(int samples, int correct) {
    /** Fraction correct, 0 for no samples. */
    public double accuracy() {
      return samples == 0 ? 0 : (double) correct / samples;
    }
  }

  private GraphClassifier() {}

  /**
   * The number of steps {@code graph} states ({@link GraphAnnotations#TIME_STEPS}), or {@code
   * fallback}.
   */
  public static int timeSteps(NetworkGraph graph, int fallback) {
    String value = graph.metadata().get(GraphAnnotations.TIME_STEPS);
    if (value == null) {
      return fallback;
    }
    try {
      int steps = Integer.parseInt(value.strip());
      if (steps >= 1) {
        return steps;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidGraphException(
        "graph metadata "
            + GraphAnnotations.TIME_STEPS
            + " = '"
            + value
            + "': expected a whole number of steps >= 1");
  }

  /**
   * Classifies the first {@code limit} samples of {@code data} (all of them when it holds fewer).
   *
   * @throws IllegalArgumentException when the graph has not one Input and one Output, or sizes do
   *     not match
   */
  public static Result evaluate(
      GraphSimulator simulator, LabeledDataset data, int timeSteps, Scoring scoring, int limit) {
    NetworkGraph graph = simulator.graph();
    Checks.checkArgument(
        graph.inputNames().size() == 1 && graph.outputNames().size() == 1,
        "a classifier graph needs one Input and one Output, got %s and %s",
        graph.inputNames(),
        graph.outputNames());
    String input = graph.inputNames().get(0);
    String output = graph.outputNames().get(0);
    Checks.checkArgument(
        graph.outputShape(input).size() == data.sampleSize(),
        "Input '%s' takes %d values but data set %s has %d per sample",
        input,
        graph.outputShape(input).size(),
        data.name(),
        data.sampleSize());
    Checks.positive(timeSteps, "time steps");
    int samples = Math.min(Math.max(limit, 0), data.samples());
    int correct = 0;
    for (int i = 0; i < samples; i++) {
      GraphRecording run =
          simulator.run(Map.of(input, Stimulus.constant(data.sample(i), timeSteps)));
      if (predict(run.output(output), scoring) == data.labels()[i]) {
        correct++;
      }
    }
    return new Result(samples, correct);
  }

  /** The index of the largest score, the first on a tie. */
  static int predict(float[][] outputPerStep, Scoring scoring) {
    int classes = outputPerStep[0].length;
    double[] scores = new double[classes];
    if (scoring == Scoring.LAST_MEMBRANE) {
      float[] last = outputPerStep[outputPerStep.length - 1];
      for (int k = 0; k < classes; k++) {
        scores[k] = last[k];
      }
    } else {
      for (float[] step : outputPerStep) {
        for (int k = 0; k < classes; k++) {
          scores[k] += step[k];
        }
      }
    }
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return best;
  }
}
