package org.snncodesign.api.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.snncodesign.api.dataset.InputNormalization;

/**
 * The metadata keys this framework writes into a graph where NIR's continuous-time equations alone
 * do not pin a network down, so that a graph written to a file and read back runs with the same
 * numbers. Other tools ignore them; graphs from other tools simply lack them.
 */
public final class GraphAnnotations {
  /** The time step (seconds) the network was trained or converted for, as a decimal string. */
  public static final String TIME_STEP = "snn-codesign.dt";

  /**
   * The number of time steps one sample is presented for (the trainer's T), as a decimal integer.
   */
  public static final String TIME_STEPS = "snn-codesign.timesteps";

  /**
   * How the Output values over a run become class scores: {@link #READOUT_SPIKE_COUNT}, {@link
   * #READOUT_MEAN_MEMBRANE} or {@link #READOUT_LAST_MEMBRANE}.
   */
  public static final String READOUT = "snn-codesign.readout";

  /**
   * {@link #READOUT}: score {@code k} is the number of spikes output {@code k} emitted over the
   * run.
   */
  public static final String READOUT_SPIKE_COUNT = "spike-count";

  /**
   * {@link #READOUT}: score {@code k} is output {@code k}'s membrane value averaged over the run's
   * steps.
   */
  public static final String READOUT_MEAN_MEMBRANE = "mean-membrane";

  /**
   * {@link #READOUT}: score {@code k} is output {@code k}'s membrane value after the run's last
   * step.
   */
  public static final String READOUT_LAST_MEMBRANE = "last-membrane";

  /**
   * How inputs and spikes carry values: {@link #CODING_RATE}, or {@link #CODING_PHASE} for a
   * network whose neurons were made for one-spike phase coding (a simulator of NIR's equations runs
   * it rate coded instead).
   */
  public static final String CODING = "snn-codesign.coding";

  /** {@link #CODING}: values are spike rates (or, at the first layer, analog currents). */
  public static final String CODING_RATE = "rate";

  /** {@link #CODING}: one spike per neuron and layer window, its phase carrying the value. */
  public static final String CODING_PHASE = "phase1";

  /** The value of {@link #resetKey} for a neuron node reset by subtracting its threshold. */
  public static final String RESET_BY_SUBTRACTION = "subtract";

  /**
   * The divisor of raw values (255 for 8-bit pixels) that gives the graph's Input, as a decimal;
   * with {@link #INPUT_MEAN} and {@link #INPUT_STD}, the preprocessing the network was trained
   * with.
   */
  public static final String INPUT_PIXEL_SCALE = "snn-codesign.input.pixel-scale";

  /**
   * The per-channel means of the training normalisation {@code (x - mean) / std}, comma-separated
   * decimals.
   */
  public static final String INPUT_MEAN = "snn-codesign.input.mean";

  /**
   * The per-channel standard deviations of the training normalisation, comma-separated decimals.
   */
  public static final String INPUT_STD = "snn-codesign.input.std";

  /**
   * The layer (node) whose weights and bias the normalisation is folded into: the graph's Input
   * takes raw values divided by {@link #INPUT_PIXEL_SCALE}, not normalised ones.
   */
  public static final String INPUT_NORMALIZATION_FOLDED_INTO =
      "snn-codesign.input.normalization-folded-into";

  private GraphAnnotations() {}

  /**
   * The entries recording {@code normalization}, folded into the node {@code foldedInto} (null: not
   * folded).
   */
  public static Map<String, String> inputNormalization(
      InputNormalization normalization, String foldedInto) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(INPUT_PIXEL_SCALE, Float.toString(normalization.pixelScale()));
    entries.put(INPUT_MEAN, decimals(normalization.mean()));
    entries.put(INPUT_STD, decimals(normalization.std()));
    if (foldedInto != null) {
      entries.put(INPUT_NORMALIZATION_FOLDED_INTO, foldedInto);
    }
    return entries;
  }

  private static String decimals(float[] values) {
    StringBuilder text = new StringBuilder();
    for (float v : values) {
      text.append(text.length() == 0 ? "" : ",").append(v);
    }
    return text.toString();
  }

  /**
   * The key saying how neuron node {@code node} resets after a spike: absent means NIR's own rule
   * ({@code v = v_reset}), {@link #RESET_BY_SUBTRACTION} means {@code v -= v_threshold} (snnTorch's
   * default, and the trainer's {@code SUBTRACT} mode).
   */
  public static String resetKey(String node) {
    return "snn-codesign.reset." + node;
  }

  /**
   * The key naming the neuron model plugin ({@link org.snncodesign.api.neuron.NeuronModel#name()})
   * that neuron node {@code node} was made for, e.g. a third-party model a network was trained
   * with; absent means the default model of the node's type. A simulator runs the node with that
   * plugin unless told otherwise.
   *
   * @since API 1.2
   */
  public static String neuronModelKey(String node) {
    return "snn-codesign.neuron-model." + node;
  }

  /**
   * The neuron model plugin the graph names for {@code node} ({@link #neuronModelKey}), if any.
   *
   * @since API 1.2
   */
  public static java.util.Optional<String> neuronModel(NetworkGraph graph, String node) {
    return java.util.Optional.ofNullable(graph.metadata().get(neuronModelKey(node)));
  }

  /** Whether the graph says that {@code node} resets by subtraction. */
  public static boolean resetsBySubtraction(NetworkGraph graph, String node) {
    return RESET_BY_SUBTRACTION.equals(graph.metadata().get(resetKey(node)));
  }

  /**
   * The time step the graph was made for, if it says.
   *
   * @throws InvalidGraphException when the entry is not a positive finite number
   */
  public static OptionalDouble timeStep(NetworkGraph graph) {
    String value = graph.metadata().get(TIME_STEP);
    if (value == null) {
      return OptionalDouble.empty();
    }
    try {
      double dt = Double.parseDouble(value);
      if (dt > 0 && Double.isFinite(dt)) {
        return OptionalDouble.of(dt);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidGraphException(
        "graph metadata "
            + TIME_STEP
            + " = '"
            + value
            + "' is not a time step in seconds (a finite number > 0)");
  }
}
