package org.snncodesign.neurons.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.graph.AffineNode;
import org.snncodesign.api.graph.CubaLiNode;
import org.snncodesign.api.graph.CubaLifNode;
import org.snncodesign.api.graph.InputNode;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.OutputNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;
import org.snncodesign.api.neuron.Discretization;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.engine.PropagationMode;

/**
 * A recurrent CubaLIF layer with per-neuron parameters and a CubaLI readout (the shape of the NIR
 * paper's Braille network), against a loop written from the equations.
 */
class RecurrentCubaLifTest {
  static final double DT = 1e-3;
  static final int IN = 5;
  static final int HIDDEN = 8;
  static final int OUT = 3;
  static final int STEPS = 200;

  final SplittableRandom random = new SplittableRandom(7);
  final float[] wIn = values(HIDDEN * IN, -0.5, 1.5);
  final float[] bIn = values(HIDDEN, 0, 0.05);
  final float[] wRec = values(HIDDEN * HIDDEN, -0.6, 0.6);
  final float[] wOut = values(OUT * HIDDEN, -1, 1);
  final double[] tauSyn = doubles(HIDDEN, 2e-3, 8e-3);
  final double[] tauMem = doubles(HIDDEN, 5e-3, 20e-3);
  final double[] r = doubles(HIDDEN, 5, 15);
  final double[] vLeak = doubles(HIDDEN, -0.05, 0.05);
  final double[] vTh = doubles(HIDDEN, 0.8, 1.2);
  final double[] vReset = doubles(HIDDEN, -0.1, 0.1);
  final double[] wInNeuron = doubles(HIDDEN, 1, 4);
  final SpikeRaster input = spikes();

  private float[] values(int n, double low, double high) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (low + (high - low) * random.nextDouble());
    }
    return v;
  }

  private double[] doubles(int n, double low, double high) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = low + (high - low) * random.nextDouble();
    }
    return v;
  }

  private SpikeRaster spikes() {
    SpikeRaster raster = new SpikeRaster(STEPS, IN);
    for (int t = 0; t < STEPS; t++) {
      for (int i = 0; i < IN; i++) {
        if (random.nextDouble() < 0.15) {
          raster.set(t, i);
        }
      }
    }
    return raster;
  }

  NetworkGraph graph() {
    Shape hidden = Shape.of(HIDDEN);
    Shape out = Shape.of(OUT);
    return NetworkGraph.builder()
        .node("input", new InputNode(Shape.of(IN)))
        .node(
            "fc_in", new AffineNode(Tensor.ofFloats(Shape.of(HIDDEN, IN), wIn), Tensor.vector(bIn)))
        .node(
            "hidden",
            new CubaLifNode(
                Tensor.ofDoubles(hidden, tauSyn),
                Tensor.ofDoubles(hidden, tauMem),
                Tensor.ofDoubles(hidden, r),
                Tensor.ofDoubles(hidden, vLeak),
                Tensor.ofDoubles(hidden, vTh),
                Tensor.ofDoubles(hidden, vReset),
                Tensor.ofDoubles(hidden, wInNeuron)))
        .node(
            "fc_rec",
            new AffineNode(
                Tensor.ofFloats(Shape.of(HIDDEN, HIDDEN), wRec), Tensor.vector(new float[HIDDEN])))
        .node(
            "fc_out",
            new AffineNode(
                Tensor.ofFloats(Shape.of(OUT, HIDDEN), wOut), Tensor.vector(new float[OUT])))
        .node(
            "readout",
            new CubaLiNode(
                Tensor.filled(out, 4e-3, org.snncodesign.api.graph.ElementType.FLOAT64),
                Tensor.filled(out, 10e-3, org.snncodesign.api.graph.ElementType.FLOAT64),
                Tensor.filled(out, 1, org.snncodesign.api.graph.ElementType.FLOAT64),
                Tensor.filled(out, 0, org.snncodesign.api.graph.ElementType.FLOAT64),
                Tensor.filled(out, 1, org.snncodesign.api.graph.ElementType.FLOAT64)))
        .node("output", new OutputNode(out))
        .chain("input", "fc_in", "hidden", "fc_out", "readout", "output")
        .chain("hidden", "fc_rec", "hidden")
        .build();
  }

  GraphRecording simulate(PropagationMode mode) {
    return GraphSimulator.builder(graph(), Discretization.forwardEuler(DT))
        .mode(mode)
        .recordVoltages(true)
        .build()
        .run(Stimulus.spikes(input));
  }

  @Test
  @DisplayName(
      "Spikes and voltages match a loop of the forward-Euler equations, recurrent input one step late")
  void matchesTheEquations() {
    GraphRecording run = simulate(PropagationMode.EVENT);
    double[] iSyn = new double[HIDDEN];
    double[] v = vLeak.clone();
    boolean[] previous = new boolean[HIDDEN];
    double[] iOut = new double[OUT];
    double[] vOut = new double[OUT];
    int spikes = 0;
    for (int t = 0; t < STEPS; t++) {
      boolean[] now = new boolean[HIDDEN];
      for (int n = 0; n < HIDDEN; n++) {
        double s = bIn[n];
        for (int i = 0; i < IN; i++) {
          s += input.get(t, i) ? wIn[n * IN + i] : 0;
        }
        for (int m = 0; m < HIDDEN; m++) {
          s += previous[m] ? wRec[n * HIDDEN + m] : 0;
        }
        iSyn[n] += DT / tauSyn[n] * (-iSyn[n] + wInNeuron[n] * s);
        v[n] += DT / tauMem[n] * (vLeak[n] - v[n] + r[n] * iSyn[n]);
        if (v[n] > vTh[n]) {
          now[n] = true;
          v[n] = vReset[n];
          spikes++;
        }
        assertThat(run.spikes("hidden").get(t, n))
            .as("spike of neuron %d at step %d", n, t)
            .isEqualTo(now[n]);
        assertThat(run.voltages("hidden")[t][n])
            .as("v of neuron %d at step %d", n, t)
            .isCloseTo((float) v[n], within(1e-4f));
      }
      for (int o = 0; o < OUT; o++) {
        double s = 0;
        for (int n = 0; n < HIDDEN; n++) {
          s += now[n] ? wOut[o * HIDDEN + n] : 0;
        }
        iOut[o] += DT / 4e-3 * (-iOut[o] + s);
        vOut[o] += DT / 10e-3 * (-vOut[o] + iOut[o]);
        assertThat(run.output()[t][o])
            .as("readout %d at step %d", o, t)
            .isCloseTo((float) vOut[o], within(1e-4f));
      }
      previous = now;
    }
    assertThat(spikes).as("hidden spikes").isBetween(100, STEPS * HIDDEN - 100);
  }

  @Test
  @DisplayName(
      "Clock-driven and event-driven runs give the same spikes, voltages and outputs, bit for bit")
  void clockAndEventAgree() {
    GraphRecording clock = simulate(PropagationMode.CLOCK);
    GraphRecording event = simulate(PropagationMode.EVENT);
    assertThat(clock.spikes("hidden")).isEqualTo(event.spikes("hidden"));
    assertThat(clock.voltages("hidden")).isDeepEqualTo(event.voltages("hidden"));
    assertThat(clock.output()).isDeepEqualTo(event.output());
  }

  @Test
  @DisplayName(
      "The same graph and input give the same bytes, run after run and simulator after simulator")
  void runsAreReproducible() {
    GraphSimulator simulator =
        GraphSimulator.builder(graph(), Discretization.forwardEuler(DT)).build();
    GraphRecording first = simulator.run(Stimulus.spikes(input));
    GraphRecording again = simulator.run(Stimulus.spikes(input));
    GraphRecording fresh = simulate(PropagationMode.EVENT);
    assertThat(again.spikes("hidden")).isEqualTo(first.spikes("hidden"));
    assertThat(again.output()).isDeepEqualTo(first.output());
    assertThat(fresh.output()).isDeepEqualTo(first.output());
  }
}
