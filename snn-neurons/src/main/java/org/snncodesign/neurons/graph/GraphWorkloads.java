package org.snncodesign.neurons.graph;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A graph's inference as an accelerator sees it: one {@link LayerWorkload} per composed projection whose source
 * spikes, named {@code "<source>-><target>"}, with the source's measured spikes of the run and the composed CSR
 * weights (a convolution's composed matrix is exact: it holds every (output, kernel tap) pair). One recording is
 * one inference; map over recordings for one workload per inference.
 *
 * <p>A projection from an Input fed with analog values (direct encoding) is not spike-driven; {@link AnalogInput}
 * says whether it is left out or priced as bit planes. Projections that carry the voltage of an I, LI or CubaLI
 * node are left out: no accelerator model here takes analog activations.
 */
public final class GraphWorkloads {
  /** Bits of the quantised analog input under {@link AnalogInput#BIT_PLANES} (8-bit pixels). */
  public static final int INPUT_BITS = 8;

  /** How a projection from an analog Input enters a workload. */
  public enum AnalogInput {
    /** Left out: only spike-driven projections are priced. */
    EXCLUDED,
    /**
     * {@link #INPUT_BITS} binary bit planes of the quantised input, pushed through the spike path: with
     * {@code x = sum_b 2^b x_b}, {@code W x = sum_b 2^b (W x_b)}, exact for the quantised input. A constant
     * stimulus gives 8 rows (computed once per inference), a per-step one 8 rows per step.
     */
    BIT_PLANES
  }

  private GraphWorkloads() {}

  /** The spike-driven projections of {@code recording}, 32-bit (float) weights, analog inputs left out. */
  public static Workload workload(GraphSimulator simulator, GraphRecording recording, String name) {
    return workload(simulator, recording, name, AnalogInput.EXCLUDED, 32);
  }

  /**
   * One workload for the inference {@code recording} holds.
   *
   * @param weightBits bits per stored weight, in [1, 32]
   * @throws IllegalArgumentException when no projection is left to price, naming the graph's projections
   */
  public static Workload workload(GraphSimulator simulator, GraphRecording recording, String name,
      AnalogInput analogInput, int weightBits) {
    Checks.checkArgument(analogInput != null, "choose EXCLUDED or BIT_PLANES for analog inputs");
    List<LayerWorkload> layers = new ArrayList<>();
    for (ComposedProjection p : simulator.projections()) {
      if (recording.spikingNodes().contains(p.source())) {
        layers.add(LayerWorkload.measured(p.name(), recording.spikes(p.source()), p.weights(), weightBits));
      } else if (analogInput == AnalogInput.BIT_PLANES && simulator.graph().node(p.source()) instanceof InputNode) {
        layers.add(LayerWorkload.measured(p.name() + " (" + INPUT_BITS + " input bit planes)",
            bitPlanes(recording.stimulus(p.source())), p.weights(), weightBits));
      }
    }
    Checks.checkArgument(!layers.isEmpty(), "workload %s: no projection of %s is spike-driven", name,
        simulator.projections().stream().map(ComposedProjection::name).toList());
    return new Workload(name, layers);
  }

  /**
   * The analog stimulus quantised to {@link #INPUT_BITS} bits and cut into bit planes: row {@code s * 8 + b} holds
   * bit b of step s (one step for a constant stimulus). Values in [0, 1] map to {@code round(255 x)}; larger ones
   * are scaled by their maximum first; with negative values, 8-bit two's complement of
   * {@code round(127 x / max|x|)} (the rule of the CLI's measured runs).
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
