package org.snncodesign.learning.lsm;

import java.util.Arrays;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.PropagationMode;

/**
 * Runs a {@link Liquid} on the project's engine ({@link Network}): a {@link SpikeReplay} input
 * population, the LIF liquid ({@code lif} with the liquid's tau_m, tau_syn_e, tau_syn_i, t_ref,
 * v_th = 1, v_rest = v_reset = 0), an input projection onto the excitatory channel, the excitatory
 * rows of the recurrent matrix onto channel 0 and the inhibitory rows (negative weights) onto
 * channel 1, all with the liquid's delay.
 *
 * <p>Every sample starts from rest ({@link Network#reset()}), so states do not depend on the order
 * of samples. The liquid state of a sample is its spike count per neuron in each of {@code bins}
 * equal time bins spanning the sample's own duration (input steps plus {@code tailSteps}); feature
 * {@code b * neurons + i} is neuron i in bin b. Spikes per neuron are also summed over every run
 * into {@link #activity()}, the measure the inactive-neuron pruner uses. Not thread-safe: one
 * simulator per thread.
 */
public final class LiquidSimulator {
  static final String INPUT = "input";
  static final String LIQUID = "liquid";

  private final Liquid liquid;
  private final SpikeReplay replay;
  private final Network network;
  private final int tailSteps;
  private final long[] activity;
  private long steps;
  private long spikes;

  /**
   * @param tailSteps steps simulated after the input ends (the liquid's fading memory), >= 0
   * @param mode clock- or event-driven propagation (same spikes)
   */
  public LiquidSimulator(Liquid liquid, int tailSteps, PropagationMode mode) {
    this.liquid = liquid;
    this.tailSteps = Checks.nonNegative(tailSteps, "tailSteps");
    LiquidParameters p = liquid.parameters();
    NeuronParameters np =
        new NeuronParameters(
            p.dt(),
            Map.of(
                "tau_m",
                p.tauM(),
                "tau_syn_e",
                p.tauSynE(),
                "tau_syn_i",
                p.tauSynI(),
                "t_ref",
                p.tRef(),
                "v_th",
                1.0,
                "v_rest",
                0.0,
                "v_reset",
                0.0));
    this.replay = new SpikeReplay(p.inputChannels(), p.dt());
    CsrMatrix[] split = splitByType(liquid);
    NeuronPopulation neurons = p.neuronModel().create(liquid.neurons(), np);
    Checks.checkArgument(
        neurons.channels() >= 2,
        "neuron model '%s' takes %d input channel(s); the liquid needs two"
            + " (excitatory, inhibitory)",
        p.neuronModel().name(),
        neurons.channels());
    this.network =
        Network.builder(p.dt())
            .population(INPUT, replay)
            .population(LIQUID, neurons)
            .projection("input", INPUT, LIQUID, liquid.input(), p.delaySteps(), 0)
            .projection("excitatory", LIQUID, LIQUID, split[0], p.delaySteps(), 0)
            .projection("inhibitory", LIQUID, LIQUID, split[1], p.delaySteps(), 1)
            .mode(mode)
            .build();
    this.activity = new long[liquid.neurons()];
  }

  /** A simulator with event-driven propagation. */
  public LiquidSimulator(Liquid liquid, int tailSteps) {
    this(liquid, tailSteps, PropagationMode.EVENT);
  }

  /**
   * The recurrent matrix split into its excitatory rows and its inhibitory rows (two matrices of
   * full shape).
   */
  static CsrMatrix[] splitByType(Liquid liquid) {
    CsrMatrix m = liquid.recurrent();
    int n = m.rows();
    int[] rp = m.rowPointers();
    int[][] pointers = {new int[n + 1], new int[n + 1]};
    int[] counts = new int[2];
    for (int r = 0; r < n; r++) {
      int type = liquid.isExcitatory(r) ? 0 : 1;
      counts[type] += rp[r + 1] - rp[r];
      pointers[0][r + 1] = counts[0];
      pointers[1][r + 1] = counts[1];
    }
    CsrMatrix[] out = new CsrMatrix[2];
    for (int type = 0; type < 2; type++) {
      int[] columns = new int[counts[type]];
      float[] values = new float[counts[type]];
      int k2 = 0;
      for (int r = 0; r < n; r++) {
        if ((liquid.isExcitatory(r) ? 0 : 1) == type) {
          for (int k = rp[r]; k < rp[r + 1]; k++) {
            columns[k2] = m.columnIndices()[k];
            values[k2++] = m.values()[k];
          }
        }
      }
      out[type] = new CsrMatrix(n, n, pointers[type], columns, values);
    }
    return out;
  }

  public Liquid liquid() {
    return liquid;
  }

  /** Steps a sample of {@code inputSteps} steps runs for. */
  public int stepsFor(int inputSteps) {
    return inputSteps + tailSteps;
  }

  /**
   * Runs one sample and adds its liquid state, {@code bins x neurons} spike counts, into {@code
   * state[offset ..]} (which the caller zeroes).
   */
  public void state(SpikeRaster input, int bins, float[] state, int offset) {
    Checks.positive(bins, "bins");
    int n = liquid.neurons();
    Checks.checkArgument(
        offset >= 0 && offset + (long) bins * n <= state.length,
        "state array of %d cannot hold %d bins x %d neurons at offset %d",
        state.length,
        bins,
        n,
        offset);
    start(input);
    int total = stepsFor(input.timeSteps());
    long[] bits = network.lastSpikes(LIQUID);
    for (int t = 0; t < total; t++) {
      network.step();
      int base = offset + (int) ((long) t * bins / total) * n;
      for (int w = 0; w < bits.length; w++) {
        long word = bits[w];
        while (word != 0) {
          int neuron = (w << 6) + Long.numberOfTrailingZeros(word);
          word &= word - 1;
          state[base + neuron] += 1f;
          activity[neuron]++;
          spikes++;
        }
      }
    }
    steps += total;
  }

  /** Runs one sample and returns the liquid's spikes, {@code (input steps + tail) x neurons}. */
  public SpikeRaster raster(SpikeRaster input) {
    start(input);
    int total = stepsFor(input.timeSteps());
    SpikeRaster out = new SpikeRaster(total, liquid.neurons());
    long[] bits = network.lastSpikes(LIQUID);
    long[] words = out.words();
    for (int t = 0; t < total; t++) {
      network.step();
      int base = out.stepOffset(t);
      for (int w = 0; w < bits.length; w++) {
        words[base + w] = bits[w];
        long word = bits[w];
        while (word != 0) {
          activity[(w << 6) + Long.numberOfTrailingZeros(word)]++;
          word &= word - 1;
          spikes++;
        }
      }
    }
    steps += total;
    return out;
  }

  private void start(SpikeRaster input) {
    Checks.checkArgument(
        input.neurons() == liquid.parameters().inputChannels(),
        "input raster has %d channels but the liquid takes %d",
        input.neurons(),
        liquid.parameters().inputChannels());
    network.reset();
    replay.load(input);
  }

  /** Spikes per liquid neuron over every run so far, a copy. */
  public long[] activity() {
    return activity.clone();
  }

  /** Liquid spikes over every run so far. */
  public long totalSpikes() {
    return spikes;
  }

  /** Steps simulated over every run so far. */
  public long totalSteps() {
    return steps;
  }

  /** Mean firing rate of the liquid in Hz over every run so far. */
  public double meanRateHz() {
    return steps == 0 ? 0 : spikes / (steps * liquid.parameters().dt() * liquid.neurons());
  }

  /** Forgets {@link #activity()} and the totals. */
  public void clearActivity() {
    Arrays.fill(activity, 0L);
    steps = 0;
    spikes = 0;
  }
}
