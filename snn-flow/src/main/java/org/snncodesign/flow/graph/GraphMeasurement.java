package org.snncodesign.flow.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.measure.MeasuredWorkload;
import org.snncodesign.neurons.graph.GraphRecording;
import org.snncodesign.neurons.graph.GraphSimulator;
import org.snncodesign.neurons.graph.GraphWorkloads;
import org.snncodesign.neurons.graph.Stimulus;

/**
 * A graph with one Input measured over many inferences, the flow step between "import or build a
 * graph" and "price it": the stimuli (seeded random spikes, or data-set samples held as a constant
 * input), one recording per inference, and the mean inference as an accelerator workload.
 *
 * <pre>{@code
 * List<Stimulus> stimuli = GraphMeasurement.randomSpikes(graph, 32, 256, 0.1, seed);
 * List<GraphRecording> runs = GraphMeasurement.run(simulator, stimuli);
 * GraphMeasurement.Priced priced = GraphMeasurement.price(simulator, runs, "net", AnalogInput.BIT_PLANES, 32);
 * }</pre>
 */
public final class GraphMeasurement {
  private GraphMeasurement() {}

  /**
   * The workload to price and, where it differs, the same inference without its analog-input
   * projections.
   *
   * @param priced the mean inference as asked for
   * @param spikeDrivenOnly the spike-driven projections only; empty when that is {@code priced}
   *     itself or nothing is left without the analog input
   */
  public record Priced(Workload priced, Optional<Workload> spikeDrivenOnly) {}

  /**
   * The name of the graph's one Input node.
   *
   * @throws IllegalArgumentException naming the Inputs when there are none or several
   */
  public static String singleInput(NetworkGraph graph) {
    List<String> inputs = graph.inputNames();
    Checks.checkArgument(
        inputs.size() == 1,
        "the graph has %d Input nodes %s; a measurement feeds exactly one",
        inputs.size(),
        inputs);
    return inputs.get(0);
  }

  /**
   * {@code samples} stimuli of {@code steps} random spikes at {@code rate}, sample i drawn from
   * {@code seed + i}.
   */
  public static List<Stimulus> randomSpikes(
      NetworkGraph graph, int samples, int steps, double rate, long seed) {
    int width = graph.outputShape(singleInput(graph)).size();
    Checks.positive(samples, "samples");
    List<Stimulus> stimuli = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      stimuli.add(Stimulus.bernoulli(width, steps, rate, seed + i));
    }
    return stimuli;
  }

  /**
   * The first {@code samples} samples of {@code data} (all when it holds fewer), each held as a
   * constant input for {@code steps} steps (direct encoding).
   *
   * @throws IllegalArgumentException when a sample's size differs from the Input's
   */
  public static List<Stimulus> dataSamples(
      NetworkGraph graph, LabeledDataset data, int samples, int steps) {
    String input = singleInput(graph);
    int width = graph.outputShape(input).size();
    Checks.checkArgument(
        data.sampleSize() == width,
        "Input '%s' takes %d values but data set %s has %d per " + "sample",
        input,
        width,
        data.name(),
        data.sampleSize());
    Checks.positive(samples, "samples");
    Checks.positive(steps, "steps");
    List<Stimulus> stimuli = new ArrayList<>();
    for (int i = 0; i < Math.min(samples, data.samples()); i++) {
      stimuli.add(Stimulus.constant(data.sample(i), steps));
    }
    return stimuli;
  }

  /**
   * The first {@code samples} samples of {@code data} (values in [0, 1]) encoded into spikes by a
   * coding plugin, {@code steps} steps each; sample i draws any random choice from {@code seed +
   * i}.
   *
   * @throws IllegalArgumentException when a sample's size differs from the Input's, or a value is
   *     outside [0, 1]
   */
  public static List<Stimulus> encodedSamples(
      NetworkGraph graph,
      LabeledDataset data,
      SpikeEncoder coding,
      int samples,
      int steps,
      long seed) {
    String input = singleInput(graph);
    int width = graph.outputShape(input).size();
    Checks.checkArgument(
        data.sampleSize() == width,
        "Input '%s' takes %d values but data set %s has %d per " + "sample",
        input,
        width,
        data.name(),
        data.sampleSize());
    Checks.positive(samples, "samples");
    List<Stimulus> stimuli = new ArrayList<>();
    for (int i = 0; i < Math.min(samples, data.samples()); i++) {
      stimuli.add(
          Stimulus.spikes(coding.encode(data.sample(i), CodingParameters.of(steps, seed + i))));
    }
    return stimuli;
  }

  /** One recording per stimulus, each from the rest state, fed to the graph's one Input. */
  public static List<GraphRecording> run(GraphSimulator simulator, List<Stimulus> stimuli) {
    String input = singleInput(simulator.graph());
    List<GraphRecording> recordings = new ArrayList<>();
    for (Stimulus stimulus : stimuli) {
      recordings.add(simulator.run(Map.of(input, stimulus)));
    }
    return recordings;
  }

  /**
   * Runs every stimulus ({@link #run}) and prices the mean inference ({@link #price}) as a {@link
   * MeasuredWorkload}: with analog stimuli the analog-input projections are priced as {@code
   * firstLayer} says and the spike-driven part is kept apart; with spike stimuli every projection
   * is spike-driven.
   *
   * @param name the workload's name, e.g. the file the graph came from
   * @param coding the coding plugin that turned data into the spike stimuli, for the note; empty
   *     for analog data or random spikes
   * @param weightBits bits of a stored weight (32 for a graph's float weights)
   */
  public static MeasuredWorkload measure(
      GraphSimulator simulator,
      List<Stimulus> stimuli,
      String name,
      MeasuredRun.FirstLayer firstLayer,
      Optional<String> coding,
      int weightBits) {
    Checks.checkArgument(!stimuli.isEmpty(), "no stimuli to measure %s on", name);
    GraphWorkloads.AnalogInput analogInput =
        firstLayer == MeasuredRun.FirstLayer.BIT_PLANES
            ? GraphWorkloads.AnalogInput.BIT_PLANES
            : GraphWorkloads.AnalogInput.EXCLUDED;
    Priced priced = price(simulator, run(simulator, stimuli), name, analogInput, weightBits);
    boolean analog = stimuli.stream().anyMatch(s -> !s.isSpikes());
    String note =
        analog
            ? firstLayer.note()
            : "spike input"
                + coding.map(c -> " (" + c + " coding)").orElse("")
                + ": every projection is spike-driven";
    return new MeasuredWorkload(priced.priced(), priced.spikeDrivenOnly(), note);
  }

  /**
   * The mean inference over {@code recordings} ({@link GraphWorkloads#meanInference}) and its
   * spike-driven part.
   */
  public static Priced price(
      GraphSimulator simulator,
      List<GraphRecording> recordings,
      String name,
      GraphWorkloads.AnalogInput analogInput,
      int weightBits) {
    Workload priced =
        GraphWorkloads.meanInference(simulator, recordings, name, analogInput, weightBits);
    boolean analog = recordings.get(0).stimuli().values().stream().anyMatch(s -> !s.isSpikes());
    if (!analog || analogInput == GraphWorkloads.AnalogInput.EXCLUDED) {
      return new Priced(priced, Optional.empty());
    }
    try {
      return new Priced(
          priced,
          Optional.of(
              GraphWorkloads.meanInference(
                  simulator, recordings, name, GraphWorkloads.AnalogInput.EXCLUDED, weightBits)));
    } catch (IllegalArgumentException e) {
      return new Priced(
          priced, Optional.empty()); // one projection: nothing is left without the analog input
    }
  }
}
