package org.snncodesign.neurons.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A graph's inference as an accelerator sees it: one {@link LayerWorkload} per composed projection
 * whose source spikes, named {@code "<source>-><target>"}, with the source's measured spikes of the
 * run and the composed CSR weights (a convolution's composed matrix is exact: it holds every
 * (output, kernel tap) pair); a plain edge into an Output node only reads the result and is not
 * priced. One recording is one inference; map over recordings for one workload per inference.
 *
 * <p>A projection from an Input fed with analog values (direct encoding) is not spike-driven;
 * {@link AnalogInput} says whether it is left out or priced as bit planes. Projections that carry
 * the voltage of an I, LI or CubaLI node are left out: no accelerator model here takes analog
 * activations.
 */
public final class GraphWorkloads {
  /** Bits of the quantised analog input under {@link AnalogInput#BIT_PLANES} (8-bit pixels). */
  public static final int INPUT_BITS = 8;

  /** How a projection from an analog Input enters a workload. */
  public enum AnalogInput {
    /** Left out: only spike-driven projections are priced. */
    EXCLUDED,
    /**
     * {@link #INPUT_BITS} binary bit planes of the quantised input, pushed through the spike path:
     * with {@code x = sum_b 2^b x_b}, {@code W x = sum_b 2^b (W x_b)}, exact for the quantised
     * input. A constant stimulus gives 8 rows (computed once per inference), a per-step one 8 rows
     * per step.
     */
    BIT_PLANES
  }

  private GraphWorkloads() {}

  /**
   * The spike-driven projections of {@code recording}, 32-bit (float) weights, analog inputs left
   * out.
   */
  public static Workload workload(GraphSimulator simulator, GraphRecording recording, String name) {
    return workload(simulator, recording, name, AnalogInput.EXCLUDED, 32);
  }

  /**
   * One workload for the inference {@code recording} holds.
   *
   * @param weightBits bits per stored weight, in [1, 32]
   * @throws IllegalArgumentException when no projection is left to price, naming the graph's
   *     projections
   */
  public static Workload workload(
      GraphSimulator simulator,
      GraphRecording recording,
      String name,
      AnalogInput analogInput,
      int weightBits) {
    List<LayerWorkload> layers = new ArrayList<>();
    for (PricedProjection p : pricedProjections(simulator, recording, analogInput)) {
      layers.add(
          LayerWorkload.measured(p.name(), p.inputSpikes(), p.projection().weights(), weightBits));
    }
    return new Workload(name, layers);
  }

  /**
   * One inference described by the spike rates measured over all of {@code recordings} (one per
   * inference, each of the same length): per spike-driven projection, the mean input density and
   * the composed weights, without a per-inference raster. This is what a sweep over a data set
   * prices.
   *
   * @throws IllegalArgumentException when {@code recordings} is empty or no projection is left to
   *     price
   */
  public static Workload meanInference(
      GraphSimulator simulator,
      List<GraphRecording> recordings,
      String name,
      AnalogInput analogInput,
      int weightBits) {
    Checks.checkArgument(
        !recordings.isEmpty(), "workload %s needs at least one recorded inference", name);
    List<PricedProjection> first = pricedProjections(simulator, recordings.get(0), analogInput);
    double[] spikes = new double[first.size()];
    for (GraphRecording recording : recordings) {
      List<PricedProjection> priced = pricedProjections(simulator, recording, analogInput);
      for (int l = 0; l < spikes.length; l++) {
        spikes[l] += priced.get(l).inputSpikes().count();
      }
    }
    List<LayerWorkload> layers = new ArrayList<>();
    for (int l = 0; l < spikes.length; l++) {
      SpikeRaster raster = first.get(l).inputSpikes();
      double cells = (double) raster.timeSteps() * raster.neurons() * recordings.size();
      CsrMatrix weights = first.get(l).projection().weights();
      layers.add(
          new LayerWorkload(
              first.get(l).name(),
              raster.timeSteps(),
              weights.rows(),
              weights.cols(),
              spikes[l] / cells,
              weights.density(),
              weightBits,
              Optional.empty(),
              Optional.of(weights)));
    }
    return new Workload(name, layers);
  }

  /**
   * A projection as priced: its report name and the binary input it is driven by in one inference.
   */
  private record PricedProjection(
      String name, ComposedProjection projection, SpikeRaster inputSpikes) {}

  private static List<PricedProjection> pricedProjections(
      GraphSimulator simulator, GraphRecording recording, AnalogInput analogInput) {
    Checks.checkArgument(analogInput != null, "choose EXCLUDED or BIT_PLANES for analog inputs");
    List<PricedProjection> priced = new ArrayList<>();
    for (ComposedProjection p : simulator.projections()) {
      if (isPassThroughToOutput(simulator, p)) {
        continue;
      }
      if (recording.spikingNodes().contains(p.source())) {
        priced.add(new PricedProjection(p.name(), p, recording.spikes(p.source())));
      } else if (analogInput == AnalogInput.BIT_PLANES
          && simulator.graph().node(p.source()) instanceof InputNode) {
        priced.add(
            new PricedProjection(
                p.name() + " (" + INPUT_BITS + " input bit planes)",
                p,
                bitPlanes(recording.stimulus(p.source()))));
      }
    }
    Checks.checkArgument(
        !priced.isEmpty(),
        "no projection of %s is spike-driven",
        simulator.projections().stream().map(ComposedProjection::name).toList());
    return priced;
  }

  /**
   * Whether {@code p} only hands a node's output to an Output node unchanged (an edge with no
   * weights): that is reading the result, not a synaptic layer, so no accelerator is charged for
   * it.
   */
  private static boolean isPassThroughToOutput(GraphSimulator simulator, ComposedProjection p) {
    if (!(simulator.graph().node(p.target()) instanceof OutputNode)) {
      return false;
    }
    CsrMatrix w = p.weights();
    if (w.rows() != w.cols() || w.nonZeros() != w.rows()) {
      return false;
    }
    int[] pointers = w.rowPointers();
    int[] columns = w.columnIndices();
    float[] values = w.values();
    for (int row = 0; row < w.rows(); row++) {
      if (pointers[row + 1] - pointers[row] != 1
          || columns[pointers[row]] != row
          || values[pointers[row]] != 1f) {
        return false;
      }
    }
    return true;
  }

  /**
   * The analog stimulus quantised to {@link #INPUT_BITS} bits and cut into bit planes: row {@code s
   * * 8 + b} holds bit b of step s (one step for a constant stimulus). Values in [0, 1] map to
   * {@code round(255 x)}; larger ones are scaled by their maximum first; with negative values,
   * 8-bit two's complement of {@code round(127 x / max|x|)} (the rule of the CLI's measured runs).
   */
  static SpikeRaster bitPlanes(Stimulus stimulus) {
    int rows = stimulus.isConstant() ? 1 : stimulus.timeSteps();
    float max = 0;
    boolean signed = false;
    for (int t = 0; t < rows; t++) {
      for (float x : stimulus.valuesAt(t)) {
        max = Math.max(max, Math.abs(x));
        signed |= x < 0;
      }
    }
    int levels = signed ? (1 << (INPUT_BITS - 1)) - 1 : (1 << INPUT_BITS) - 1;
    double scale = signed ? levels / (double) max : levels / Math.max(1.0, max);
    SpikeRaster planes = new SpikeRaster(Math.multiplyExact(rows, INPUT_BITS), stimulus.neurons());
    for (int t = 0; t < rows; t++) {
      float[] values = stimulus.valuesAt(t);
      for (int i = 0; i < values.length; i++) {
        int q = (int) Math.round(values[i] * scale) & ((1 << INPUT_BITS) - 1);
        while (q != 0) {
          planes.set(t * INPUT_BITS + Integer.numberOfTrailingZeros(q), i);
          q &= q - 1;
        }
      }
    }
    return planes;
  }
}
