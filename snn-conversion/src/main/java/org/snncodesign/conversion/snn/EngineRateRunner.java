package org.snncodesign.conversion.snn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.neuron.NeuronPopulation;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.NetworkBuilder;
import org.snncodesign.neurons.engine.PropagationMode;
import org.snncodesign.neurons.integrate.IntegrateAndFire;

/**
 * Runs the rate-coded {@link ConvertedNetwork} on the project's spiking engine ({@link Network})
 * instead of {@link RateSimulator}'s own loop: the same neurons and timing, built from engine
 * parts.
 *
 * <p>Mapping (Diehl et al. 2015; Rueckauer et al. 2017): every stage becomes one population of the
 * {@code if} plugin ({@link IntegrateAndFire}) with {@code v_th = 1} and reset by subtraction,
 * {@code V <- V + x; if V >= 1: spike, V <- V - 1}; the read-out is an {@code if} population whose
 * threshold ({@value RateNeurons#READOUT_THRESHOLD}) is never reached, so it only accumulates.
 * Every fan-out matrix of the converted network becomes a projection that wraps the same CSR
 * arrays. The engine has no external current, so a one-neuron pacemaker that spikes every step
 * delivers the constant terms: the input drive {@code pixel / lambda_in} (a projection whose
 * weights are rewritten per sample) and each stage's bias.
 *
 * <p>Timing: the engine delivers a spike at step {@code e} at step {@code e + delay} with {@code
 * delay >= 1}, while {@link RateSimulator} passes spikes through all stages within one step. Each
 * stage therefore gets a depth {@code d} (pacemaker 0, input 1, otherwise 1 + the largest depth of
 * its sources), every projection the delay {@code d(post) - d(pre)} (so residual paths of different
 * lengths stay aligned), and the state of stage {@code s} after engine step {@code e} (counted from
 * 0) is RateSimulator's state after its time step {@code e - d(s) + 1}. A run of {@code T} rate
 * steps takes {@code T + d(read-out)} engine steps.
 *
 * <p>Equality: the engine sums a step's input in a ring slot ({@code bias + w_1 + w_2 + ...} from
 * 0) and then adds it to V, whereas RateSimulator adds bias and weights to V one at a time. Float
 * addition is not associative, so potentials can differ in the last bits and a neuron sitting
 * exactly at threshold can spike one step apart; when every weight, bias and drive is exactly
 * representable on a common binary grid (all partial sums exact) the two are bit-identical, and
 * {@link PropagationMode#CLOCK} and {@link PropagationMode#EVENT} are always identical.
 *
 * <p>Max pooling (Rueckauer et al. 2017, Sec. 2.3: relay the spikes of the window's input with the
 * highest spike count so far) becomes two populations: a gate with one unit per input, fed
 * one-to-one with weight 1, that counts spikes and fires at an input that fired now and leads its
 * window (first of equal counts, as RateSimulator), and an {@code if} relay per window fed with
 * weight 1 by the gate units of its window. Each input must belong to at most one window (stride >=
 * size, as in LeNet); overlapping windows are rejected. Average pooling is folded into the fan-out
 * matrices and runs as is.
 */
public final class EngineRateRunner {
  private static final double DT = RateNeurons.DT;
  private static final String PACEMAKER = "pacemaker";

  private final ConvertedNetwork network;
  private final NeuronModel neuron;
  private final PropagationMode mode;
  private final List<ConvertedNetwork.Stage> stages;
  private final int[] depth;
  private final int[] checkpoints;

  /**
   * @param checkpoints ascending time steps (RateSimulator's steps) at which the read-out is
   *     evaluated; the last one is the run length
   * @throws InvalidInputException if the network has a max-pool stage
   */
  public EngineRateRunner(ConvertedNetwork network, PropagationMode mode, int... checkpoints) {
    this(network, new IntegrateAndFire(), mode, checkpoints);
  }

  /**
   * A runner whose stages are populations of {@code neuron} instead of the {@code if} plugin, given
   * the same parameters where it declares them ({@code v_th = 1}, {@code v_reset = 0}, {@code
   * reset_by_subtraction = 1}, the read-out's threshold out of reach) and otherwise its defaults,
   * as {@link RateSimulator#RateSimulator(ConvertedNetwork, NeuronModel, int...)} gives them; the
   * rate code's equalities above hold for an integrate-and-fire model.
   *
   * @param neuron a neuron model, e.g. a plugin found by name ({@code
   *     PluginRegistry.require(NeuronModel.class, name)}); it must accept those parameters
   * @param checkpoints ascending time steps (RateSimulator's steps) at which the read-out is
   *     evaluated; the last one is the run length
   * @throws InvalidInputException if the network has a max-pool stage
   */
  public EngineRateRunner(
      ConvertedNetwork network, NeuronModel neuron, PropagationMode mode, int... checkpoints) {
    Checks.checkArgument(neuron != null, "neuron model must not be null");
    Checks.checkArgument(mode != null, "propagation mode must not be null");
    Checks.checkArgument(checkpoints.length > 0, "need at least one checkpoint");
    for (int i = 0; i < checkpoints.length; i++) {
      Checks.positive(checkpoints[i], "checkpoint");
      Checks.checkArgument(
          i == 0 || checkpoints[i] > checkpoints[i - 1],
          "checkpoints must ascend, got %s",
          Arrays.toString(checkpoints));
    }
    this.network = network;
    this.neuron = neuron;
    this.mode = mode;
    this.stages = network.stageList();
    this.checkpoints = checkpoints.clone();
    this.depth = new int[stages.size()];
    for (int s = 0; s < stages.size(); s++) {
      ConvertedNetwork.Stage stage = stages.get(s);
      switch (stage.kind()) {
        case INPUT -> depth[s] = 1;
        case SPIKING, OUTPUT -> {
          int d = 0;
          for (int src : stage.sources()) {
            Checks.checkArgument(src < s, "stage %d has source %d that is not before it", s, src);
            d = Math.max(d, depth[src]);
          }
          depth[s] = d + 1;
        }
        case MAX_POOL -> {
          checkDisjoint(stage);
          // Source -> gate (delay 1) -> relay (delay 1).
          depth[s] = depth[stage.sources()[0]] + 2;
        }
        default -> throw new AssertionError(stage.kind());
      }
    }
    Checks.checkArgument(
        stages.get(0).kind() == StageKind.INPUT,
        "stage 0 of '%s' must be the input",
        network.name());
    Checks.checkArgument(
        stages.get(stages.size() - 1).kind() == StageKind.OUTPUT,
        "the last stage of '%s' must be the read-out",
        network.name());
  }

  private void checkDisjoint(ConvertedNetwork.Stage stage) {
    CsrMatrix w = stage.poolWindows();
    boolean[] seen = new boolean[w.cols()];
    for (int c : w.columnIndices()) {
      if (seen[c]) {
        throw new InvalidInputException(
            "max-pool stage '"
                + stage.name()
                + "' of network '"
                + network.name()
                + "' has overlapping windows (input "
                + c
                + " is in two), which the engine's pool gate cannot relay;"
                + " use stride >= window size");
      }
      seen[c] = true;
    }
  }

  /**
   * Engine steps between a stage's input at RateSimulator step t and the engine step that computes
   * it, plus 1.
   */
  public int depth(int stage) {
    Checks.checkArgument(
        stage >= 0 && stage < depth.length, "stage %d outside [0, %d)", stage, depth.length);
    return depth[stage];
  }

  /** Engine steps needed for {@code timesteps} RateSimulator steps to reach the read-out. */
  public int engineSteps(int timesteps) {
    return timesteps + depth[depth.length - 1];
  }

  /**
   * One evaluation per checkpoint, as {@link RateSimulator#evaluate} reports it (coding {@code
   * rate-engine}).
   */
  public List<SnnEvaluation> evaluate(LabeledImages images, int threads) {
    checkShape(images);
    long start = System.nanoTime();
    List<Run> runs = ParallelSamples.run(images.count(), threads, () -> new Run(images));
    double seconds = (System.nanoTime() - start) / 1e9;
    CheckpointTally total =
        CheckpointTally.sum(runs.stream().map(r -> r.tally).toList(), checkpoints.length);
    List<SnnEvaluation> out = new ArrayList<>();
    long perStep = neuronOpsPerStep();
    for (int c = 0; c < checkpoints.length; c++) {
      // The workers count resets; the per-step operations are added here, as RateSimulator counts
      // them, so that the
      // two reports are comparable.
      long neu = perStep * checkpoints[c] * (long) images.count() + total.neuronOps[c];
      out.add(
          new SnnEvaluation(
              "rate-engine",
              images.count(),
              total.correct[c],
              checkpoints[c],
              total.synapticOps[c],
              neu,
              total.spikes[c],
              network.spikingNeurons(),
              seconds * checkpoints[c] / checkpoints[checkpoints.length - 1]));
    }
    return out;
  }

  /**
   * Neuron operations of one step apart from resets, as {@link RateSimulator} counts them: input
   * neurons 2 (add, compare), spiking neurons 1 compare plus 1 per non-zero bias, read-out 1 per
   * non-zero bias, max-pool 1 per window entry.
   */
  private long neuronOpsPerStep() {
    long ops = 0;
    for (ConvertedNetwork.Stage stage : stages) {
      switch (stage.kind()) {
        case INPUT -> ops += 2L * stage.neurons();
        case SPIKING, OUTPUT -> {
          for (float b : stage.bias()) {
            ops += b != 0f ? 1 : 0;
          }
          ops += stage.kind() == StageKind.SPIKING ? stage.neurons() : 0;
        }
        case MAX_POOL -> ops += stage.poolWindows().nonZeros();
        default -> throw new AssertionError(stage.kind());
      }
    }
    return ops;
  }

  /**
   * The same record as {@link RateSimulator#trace}, from the engine: spikes per stage per step,
   * read-outs.
   */
  RateTrace trace(LabeledImages images, int sample) {
    checkShape(images);
    Checks.checkArgument(
        sample >= 0 && sample < images.count(),
        "sample %d outside [0, %d)",
        sample,
        images.count());
    Run run = new Run(images);
    run.trace =
        new RateTrace(checkpoints[checkpoints.length - 1], stages.size(), checkpoints.length);
    run.run(sample);
    return run.trace;
  }

  private void checkShape(LabeledImages images) {
    if (images.shape().size() != stages.get(0).neurons()) {
      throw new InvalidInputException(
          "samples of shape " + images.shape() + " do not fit network '" + network.name() + "'");
    }
  }

  private static String populationName(int stage) {
    return "s" + stage;
  }

  /**
   * A network per worker (the engine's state is per instance); the CSR arrays are shared read-only.
   */
  private final class Run implements ParallelSamples.Worker {
    final LabeledImages images;
    final Network net;
    final float[] drive;
    final long[][] bits;
    final int[][] stageFanout;
    final CheckpointTally tally = new CheckpointTally(checkpoints.length);
    final long[] spikesAt;
    final long[] resetsAt;
    final long[] synAt;
    RateTrace trace;

    Run(LabeledImages images) {
      this.images = images;
      NetworkBuilder b = Network.builder(DT).mode(mode);
      b.population(PACEMAKER, new Pacemaker(DT));
      int n = stages.size();
      stageFanout = new int[n][];
      for (int s = 0; s < n; s++) {
        ConvertedNetwork.Stage stage = stages.get(s);
        b.population(populationName(s), RateNeurons.create(neuron, stage));
        stageFanout[s] = new int[stage.neurons()];
      }
      int inputs = stages.get(0).neurons();
      int[] all = new int[inputs];
      for (int i = 0; i < inputs; i++) {
        all[i] = i;
      }
      drive = new float[inputs];
      b.projection(
          "drive",
          PACEMAKER,
          populationName(0),
          new CsrMatrix(1, inputs, new int[] {0, inputs}, all, drive),
          1,
          0);
      for (int s = 1; s < n; s++) {
        ConvertedNetwork.Stage stage = stages.get(s);
        if (stage.kind() == StageKind.MAX_POOL) {
          int src = stage.sources()[0];
          CsrMatrix windows = stage.poolWindows();
          b.population("g" + s, new PoolGate(DT, windows));
          b.projection(
              "one-to-one" + s, populationName(src), "g" + s, identity(windows.cols()), 1, 0);
          b.projection("relay" + s, "g" + s, populationName(s), membership(windows), 1, 0);
          continue;
        }
        CsrMatrix bias = biasRow(stage.bias());
        // Bias first: RateSimulator also adds the bias before the weighted spikes.
        if (bias.nonZeros() > 0) {
          b.projection("bias" + s, PACEMAKER, populationName(s), bias, depth[s], 0);
        }
        for (int t = 0; t < stage.sources().length; t++) {
          int src = stage.sources()[t];
          CsrMatrix w = stage.fanouts()[t];
          b.projection(
              "w" + s + "_" + t,
              populationName(src),
              populationName(s),
              w,
              depth[s] - depth[src],
              0);
          int[] ptr = w.rowPointers();
          for (int j = 0; j < stageFanout[src].length; j++) {
            stageFanout[src][j] += ptr[j + 1] - ptr[j];
          }
        }
      }
      net = b.build();
      bits = new long[n][];
      for (int s = 0; s < n; s++) {
        bits[s] = net.lastSpikes(populationName(s));
      }
      int last = checkpoints[checkpoints.length - 1];
      spikesAt = new long[last + 1];
      synAt = new long[last + 1];
      resetsAt = new long[last + 1];
    }

    @Override
    public void run(int sample) {
      int offset = images.offset(sample);
      float[] pixels = images.pixels();
      float inv = (float) (1 / stages.get(0).scale());
      for (int i = 0; i < drive.length; i++) {
        drive[i] = pixels[offset + i] * inv;
      }
      net.reset();
      Arrays.fill(spikesAt, 0L);
      Arrays.fill(synAt, 0L);
      Arrays.fill(resetsAt, 0L);
      int last = checkpoints[checkpoints.length - 1];
      int out = stages.size() - 1;
      float[] potential = net.population(populationName(out)).membranePotential();
      int next = 0;
      int steps = engineSteps(last);
      for (int e = 0; e < steps; e++) {
        net.step();
        for (int s = 0; s < out; s++) {
          int t = e - depth[s] + 1;
          if (t < 1 || t > last) {
            continue;
          }
          int count = 0;
          long syn = 0;
          long[] word = bits[s];
          int[] fan = stageFanout[s];
          for (int w = 0; w < word.length; w++) {
            long x = word[w];
            while (x != 0) {
              syn += fan[(w << 6) + Long.numberOfTrailingZeros(x)];
              x &= x - 1;
              count++;
            }
          }
          spikesAt[t] += count;
          synAt[t] += syn;
          if (stages.get(s).kind() != StageKind.MAX_POOL) {
            resetsAt[t] += count;
          }
          if (trace != null) {
            trace.spikes()[t - 1][s] = count;
          }
        }
        int t = e - depth[out] + 1;
        if (next < checkpoints.length && t == checkpoints[next]) {
          tally.score(next, potential, images.labels()[sample]);
          if (trace != null) {
            trace.output()[next] = potential.clone();
          }
          next++;
        }
      }
      long spk = 0;
      long syn = 0;
      long res = 0;
      int c = 0;
      for (int t = 1; t <= last; t++) {
        spk += spikesAt[t];
        syn += synAt[t];
        res += resetsAt[t];
        if (t == checkpoints[c]) {
          tally.spikes[c] += spk;
          tally.synapticOps[c] += syn;
          tally.neuronOps[c] += res;
          c++;
        }
      }
    }
  }

  private static CsrMatrix identity(int n) {
    int[] ptr = new int[n + 1];
    int[] cols = new int[n];
    float[] ones = new float[n];
    for (int i = 0; i < n; i++) {
      ptr[i + 1] = i + 1;
      cols[i] = i;
      ones[i] = 1f;
    }
    return new CsrMatrix(n, n, ptr, cols, ones);
  }

  /**
   * Rows = inputs of the pool, one entry of weight 1 at the window holding the input (windows are
   * disjoint).
   */
  private static CsrMatrix membership(CsrMatrix windows) {
    int inputs = windows.cols();
    int[] windowOf = new int[inputs];
    Arrays.fill(windowOf, -1);
    int[] ptr = windows.rowPointers();
    int[] col = windows.columnIndices();
    for (int i = 0; i < windows.rows(); i++) {
      for (int q = ptr[i]; q < ptr[i + 1]; q++) {
        windowOf[col[q]] = i;
      }
    }
    int[] rowPtr = new int[inputs + 1];
    int nz = 0;
    for (int j = 0; j < inputs; j++) {
      nz += windowOf[j] >= 0 ? 1 : 0;
      rowPtr[j + 1] = nz;
    }
    int[] cols = new int[nz];
    float[] ones = new float[nz];
    for (int j = 0, k = 0; j < inputs; j++) {
      if (windowOf[j] >= 0) {
        cols[k] = windowOf[j];
        ones[k++] = 1f;
      }
    }
    return new CsrMatrix(inputs, windows.rows(), rowPtr, cols, ones);
  }

  /**
   * The max-pool gate: unit {@code j} stands for input {@code j} of the pool. Its input is 1 when
   * the input spiked; it counts spikes and fires when its input spiked this step and has the
   * highest count of its window so far (the first in window order among equal counts, as {@link
   * RateSimulator}).
   */
  private static final class PoolGate implements NeuronPopulation {
    private final double dt;
    private final int[] ptr;
    private final int[] col;
    private final int windows;
    private final int[] count;
    private final float[] countView;

    PoolGate(double dt, CsrMatrix windows) {
      this.dt = dt;
      this.ptr = windows.rowPointers();
      this.col = windows.columnIndices();
      this.windows = windows.rows();
      this.count = new int[windows.cols()];
      this.countView = new float[windows.cols()];
    }

    @Override
    public int size() {
      return count.length;
    }

    @Override
    public double dt() {
      return dt;
    }

    @Override
    public int step(float[] input, long[] spikes) {
      Arrays.fill(spikes, 0, (count.length + 63) >>> 6, 0L);
      for (int j = 0; j < count.length; j++) {
        if (input[j] > 0f) {
          count[j]++;
          countView[j] = count[j];
        }
      }
      int fired = 0;
      for (int i = 0; i < windows; i++) {
        int best = -1;
        int bestCount = 0;
        for (int q = ptr[i]; q < ptr[i + 1]; q++) {
          if (count[col[q]] > bestCount) {
            bestCount = count[col[q]];
            best = col[q];
          }
        }
        if (best >= 0 && input[best] > 0f) {
          spikes[best >>> 6] |= 1L << best;
          fired++;
        }
      }
      return fired;
    }

    /** Spike counts so far (the gate's state). */
    @Override
    public float[] membranePotential() {
      return countView;
    }

    @Override
    public void reset() {
      Arrays.fill(count, 0);
      Arrays.fill(countView, 0f);
    }
  }

  private static CsrMatrix biasRow(float[] bias) {
    int nz = 0;
    for (float v : bias) {
      if (v != 0f) {
        nz++;
      }
    }
    int[] cols = new int[nz];
    float[] vals = new float[nz];
    int k = 0;
    for (int i = 0; i < bias.length; i++) {
      if (bias[i] != 0f) {
        cols[k] = i;
        vals[k++] = bias[i];
      }
    }
    return new CsrMatrix(1, bias.length, new int[] {0, nz}, cols, vals);
  }

  /**
   * One neuron that spikes at every step: the engine's way to deliver a constant input through a
   * projection.
   */
  private static final class Pacemaker implements NeuronPopulation {
    private final double dt;
    private final float[] v = new float[1];

    Pacemaker(double dt) {
      this.dt = dt;
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public double dt() {
      return dt;
    }

    @Override
    public int step(float[] input, long[] spikes) {
      spikes[0] = 1L;
      return 1;
    }

    @Override
    public float[] membranePotential() {
      return v;
    }

    @Override
    public void reset() {
      // Stateless: it fires at every step.
    }
  }
}
