package org.snncodesign.conversion.snn;

import java.util.List;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.InputNormalizationFolding;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * A spiking network converted from an ANN by {@link AnnToSnnConverter}: an ordered list of stages
 * (input, spiking layers, max-pool relays, output read-out). Each spiking or output stage {@code s}
 * integrates {@code V_s = b_s + sum_terms W_term^T x_source}, where every fan-out matrix {@code W}
 * (rows = source neurons, columns = neurons of {@code s}) is the composition of the ANN's linear
 * layers between two ReLUs, already scaled by the data-based normalisation {@code lambda_source /
 * lambda_s}, so every spiking neuron has threshold 1. The same structure runs under any coding
 * ({@link OneSpikeSimulator}, {@link RateSimulator}).
 */
public final class ConvertedNetwork {
  private final String name;
  private final List<Stage> stages;
  private final long annMacs;
  private final double percentile;

  /**
   * The ANN as converted (batch norm folded, max pool after ReLU), whose layers the stages compose;
   * may be null.
   */
  private final AnnModel prepared;

  private final int[] windows;

  /**
   * One population. {@code sources}/{@code fanouts} describe its inputs; {@code poolWindows} only
   * for pools.
   */
  record Stage(
      StageKind kind,
      String name,
      TensorShape shape,
      int[] sources,
      CsrMatrix[] fanouts,
      float[] bias,
      CsrMatrix poolWindows,
      double scale) {
    int neurons() {
      return shape.size();
    }
  }

  ConvertedNetwork(String name, List<Stage> stages, long annMacs, double percentile) {
    this(name, stages, annMacs, percentile, null);
  }

  ConvertedNetwork(
      String name, List<Stage> stages, long annMacs, double percentile, AnnModel prepared) {
    this.name = name;
    this.stages = List.copyOf(stages);
    this.annMacs = annMacs;
    this.percentile = percentile;
    this.prepared = prepared;
    this.windows = windowsOf(this.stages);
  }

  List<Stage> stageList() {
    return stages;
  }

  /**
   * The prepared ANN the stages were composed from, when the network was made by {@link
   * AnnToSnnConverter}.
   */
  Optional<AnnModel> preparedModel() {
    return Optional.ofNullable(prepared);
  }

  /**
   * The preprocessing the network's input stage expects: raw values / pixel scale, the rest inside
   * the network.
   */
  public InputNormalization inputNormalization() {
    return prepared == null ? InputNormalization.PIXELS : prepared.inputNormalization();
  }

  /**
   * Where the input normalisation went, for reports: folded into the first layer, or into the first
   * stage.
   */
  public String inputNormalizationNote() {
    if (prepared == null || !prepared.normalizesInput()) {
      return prepared == null
          ? "unknown: not made by AnnToSnnConverter"
          : InputNormalizationFolding.describe(prepared);
    }
    return prepared.inputNormalization().describe()
        + ": composed into the first spiking stage's weights and"
        + " per-neuron biases (exact at zero-padded borders too); the input stage codes pixels / "
        + prepared.inputNormalization().pixelScale();
  }

  /** Name of the ANN this network was converted from. */
  public String name() {
    return name;
  }

  /** Multiply-accumulates of one inference of the source ANN. */
  public long annMacs() {
    return annMacs;
  }

  /** Percentile of the activations used as each layer's scale. */
  public double percentile() {
    return percentile;
  }

  public int stageCount() {
    return stages.size();
  }

  public StageKind kind(int stage) {
    return stage(stage).kind();
  }

  public String stageName(int stage) {
    return stage(stage).name();
  }

  /** Neurons in a stage. */
  public int neurons(int stage) {
    return stage(stage).neurons();
  }

  /**
   * Activation scale {@code lambda} of a stage: a spike or unit potential stands for this ANN
   * activation.
   */
  public double scale(int stage) {
    return stage(stage).scale();
  }

  /** Fan-out matrices feeding a stage (rows = source neurons); empty for the input and pools. */
  public List<CsrMatrix> fanouts(int stage) {
    CsrMatrix[] f = stage(stage).fanouts();
    return f == null ? List.of() : List.of(f);
  }

  /** Source stages of the fan-out matrices of {@link #fanouts(int)}, in the same order. */
  public int[] sources(int stage) {
    int[] s = stage(stage).sources();
    return s == null ? new int[0] : s.clone();
  }

  /**
   * The layer window in which a stage fires under layer-wise pipelined coding: the input fires in
   * window 0, a spiking stage and the read-out one window after the latest of their sources, a
   * max-pool relay in its source's window. A term from a source more than one window earlier (a
   * shortcut that skips stages, a branch shorter than its sibling) waits {@code window(stage) - 1 -
   * window(source)} windows, so that all of a stage's inputs arrive aligned: the longest path sets
   * the pace of every branch.
   */
  public int window(int stage) {
    return windows[checkedIndex(stage)];
  }

  /**
   * Number of layer windows an input needs to reach the read-out: the read-out's {@link #window}.
   */
  public int windows() {
    return windows[windows.length - 1];
  }

  /** Neurons that can spike: input, spiking and pool stages. */
  public long spikingNeurons() {
    return stages.stream()
        .filter(s -> s.kind() != StageKind.OUTPUT)
        .mapToLong(Stage::neurons)
        .sum();
  }

  /** Stored synapses over all fan-out matrices. */
  public long synapses() {
    long n = 0;
    for (Stage s : stages) {
      if (s.fanouts() != null) {
        for (CsrMatrix m : s.fanouts()) {
          n += m.nonZeros();
        }
      }
    }
    return n;
  }

  private Stage stage(int i) {
    return stages.get(checkedIndex(i));
  }

  private int checkedIndex(int i) {
    Checks.checkArgument(i >= 0 && i < stages.size(), "stage %d outside [0, %d)", i, stages.size());
    return i;
  }

  private static int[] windowsOf(List<Stage> stages) {
    int[] window = new int[stages.size()];
    for (int s = 0; s < window.length; s++) {
      Stage stage = stages.get(s);
      int latest = -1;
      for (int source : stage.sources() == null ? new int[0] : stage.sources()) {
        latest = Math.max(latest, window[source]);
      }
      window[s] =
          switch (stage.kind()) {
            case INPUT -> 0;
            case MAX_POOL -> latest;
            case SPIKING, OUTPUT -> latest + 1;
          };
    }
    return window;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ConvertedNetwork[" + name);
    for (Stage s : stages) {
      b.append(", ").append(s.name()).append(' ').append(s.kind()).append(' ').append(s.shape());
    }
    return b.append(']').toString();
  }
}
