package org.snncodesign.learning.stdp;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.lsm.Liquid;
import org.snncodesign.learning.lsm.LiquidParameters;
import org.snncodesign.learning.lsm.LiquidSimulator;

/**
 * A teacher-student spike timing task for {@link SaStl}.
 *
 * <p>The student is a Maass liquid ({@link Liquid#create}, 8 input channels) with {@code
 * outputCount} excitatory output neurons added to it (indices {@code neurons .. neurons +
 * outputCount - 1}, on an extra grid layer). Each output receives recurrent synapses from {@code
 * afferents} excitatory liquid neurons drawn uniformly without replacement, weights {@code g_o w_EE
 * U[0.5, 1.5)} (w_EE from {@link LiquidParameters#meanWeight}; with the liquid's inhibitory
 * afferents too, excitation and inhibition cancel so closely that the gain needed to make an output
 * fire varied 40-fold between outputs), and direct input synapses with the liquid's input law at
 * {@code g_o inputScale} times its weight (a timing timing reference; without it, an integrating
 * output with 40 dense afferents fires at times ReSuMe could hardly move). Outputs send no
 * synapses, so learning never changes their presynaptic trains (with feedback, every update also
 * moved the output's own input and ReSuMe did not converge: see docs/results/lsm-sastl.md). The
 * input is a fixed Poisson raster, each channel firing with probability 0.3 per step. The gain g_o
 * of every output is calibrated (bisection) so that it fires {@code round(outputRate * steps)}
 * spikes for the input. Optionally a share of each output's afferents are the liquid's inhibitory
 * neurons, their weights scaled so that the inhibitory charge is a set multiple of the excitatory
 * one ({@link #create(int, int, int, int, double, double, double, Targets, double, double, long)}):
 * this makes random targets learnable, which they hardly are with excitatory afferents only.
 *
 * <p>The teacher is the student with, for every output, only a random share {@code teacherDensity}
 * of its recurrent afferents kept, each rescaled by {@code U[0.5, 1.5) / teacherDensity}; the
 * teacher's gains are calibrated again to the same spike count, and the targets are the teacher
 * outputs' spikes for the input ({@link Targets#TEACHER}, the default), or random trains with the
 * same spike count, independent of the teacher ({@link Targets#POISSON}). Student and targets thus
 * start with equal spike counts and differ in timing. The target is nearly, not exactly, reachable
 * by learning the recurrent weights: the outputs' direct input weights scale with the calibrated
 * gain and are not trained, so the teacher's differ from the student's by the ratio of the two
 * gains.
 *
 * @param student the liquid to train (liquid plus outputs)
 * @param teacher the liquid that made the targets
 * @param outputs output neuron indices, ascending
 * @param input the input raster
 * @param targets target trains, {@code input.timeSteps() x outputs.length}
 */
public record SaStlTask(
    Liquid student, Liquid teacher, int[] outputs, SpikeRaster input, SpikeRaster targets) {

  /** Where the target trains come from. */
  public enum Targets {
    /** The teacher outputs' spikes (the default task). */
    TEACHER,
    /**
     * Random trains independent of the teacher, as in ReSuMe's standard benchmark (Ponulak &amp;
     * Kasiński 2010, Neural Computation 22:467, which uses Poisson target trains): every output
     * gets exactly the calibrated spike count, placed uniformly at random with a minimum
     * inter-spike gap (a dead-time Bernoulli train, see {@link #randomTrains}).
     */
    POISSON
  }

  /**
   * Draws a task.
   *
   * @param neurons liquid size (without the outputs)
   * @param steps presentation length in steps
   * @param outputCount output neurons
   * @param afferents recurrent synapses onto each output, in [1, neurons]
   * @param outputRate spikes per step each output (student and teacher alike) is calibrated to, in
   *     (0, 0.5]
   * @param inputScale factor on the liquid's input weight for the outputs' direct input synapses,
   *     >= 0
   * @param teacherDensity share of the synapses onto each output the teacher uses, in (0, 1]
   * @param seed seed of the liquid, input, output wiring and teacher
   */
  public static SaStlTask create(
      int neurons,
      int steps,
      int outputCount,
      int afferents,
      double outputRate,
      double inputScale,
      double teacherDensity,
      long seed) {
    return create(
        neurons,
        steps,
        outputCount,
        afferents,
        outputRate,
        inputScale,
        teacherDensity,
        Targets.TEACHER,
        seed);
  }

  /**
   * Draws a task with the given kind of targets. The student, the teacher and the input do not
   * depend on {@code targets} (the random trains use their own random stream), so the two kinds
   * share everything else. {@link Targets#POISSON} targets have exactly {@code round(outputRate *
   * steps)} spikes per output with a minimum gap of the refractory period plus one step ({@link
   * #minimumTargetGap}).
   *
   * @param targets where the targets come from
   * @see #create(int, int, int, int, double, double, double, long)
   */
  public static SaStlTask create(
      int neurons,
      int steps,
      int outputCount,
      int afferents,
      double outputRate,
      double inputScale,
      double teacherDensity,
      Targets targets,
      long seed) {
    return create(
        neurons,
        steps,
        outputCount,
        afferents,
        outputRate,
        inputScale,
        teacherDensity,
        targets,
        0,
        1,
        seed);
  }

  /**
   * Draws a task in which a share of each output's afferents are inhibitory liquid neurons.
   *
   * <p>With only excitatory afferents (the default, {@code inhibitoryShare = 0}) no learnable
   * weight can lower an output's potential, so the learner cannot remove a spike that the fixed
   * direct input or the common drive causes, and random target trains are hardly learnable
   * (docs/results/lsm-sastl.md, third pass). Each output gets {@code round(inhibitoryShare x
   * afferents)} afferents drawn uniformly without replacement from the liquid's inhibitory neurons,
   * with negative weights drawn as {@code -w_IE U[0.5, 1.5)} (w_IE from {@link
   * LiquidParameters#meanWeight}, the liquid's own inhibitory-to-excitatory law), and the rest from
   * its excitatory neurons as before; Dale's law then keeps those weights {@code <= 0} while
   * learning ({@link SaStl}). With the liquid's own weights the inhibitory drive exceeded the
   * excitatory one several-fold (w_IE = 3 w_EE, and inhibitory neurons fire more), and the outputs
   * could not be calibrated to fire after the first steps. So each output's inhibitory weights are
   * then scaled by one factor so that the inhibitory charge it receives over the presentation
   * ({@code sum |w| x presynaptic spike count x tau_syn}) is {@code inhibitoryBalance} times the
   * excitatory one: with a balance near 1 the output is driven by fluctuations, not by its mean
   * input, which is the regime in which an LIF neuron fires irregularly and its spike times follow
   * its inputs' timing (van Vreeswijk &amp; Sompolinsky 1996, Science 274:1724). The gain g_o is
   * then calibrated on the signed sum, as before. With {@code inhibitoryShare = 0} the task is the
   * same, draw for draw, as {@link #create(int, int, int, int, double, double, double, Targets,
   * long)}.
   *
   * @param inhibitoryShare share of each output's afferents that are inhibitory, in [0, 1]
   * @param inhibitoryBalance summed inhibitory drive onto each output over its excitatory drive, >
   *     0 (used only when there are inhibitory afferents)
   * @see #create(int, int, int, int, double, double, double, long)
   */
  public static SaStlTask create(
      int neurons,
      int steps,
      int outputCount,
      int afferents,
      double outputRate,
      double inputScale,
      double teacherDensity,
      Targets targets,
      double inhibitoryShare,
      double inhibitoryBalance,
      long seed) {
    Checks.checkArgument(targets != null, "targets must not be null");
    Checks.checkArgument(
        inhibitoryBalance > 0, "inhibitoryBalance must be > 0, got %s", inhibitoryBalance);
    Checks.checkArgument(
        inhibitoryShare >= 0 && inhibitoryShare <= 1,
        "inhibitoryShare must be in [0, 1], got %s",
        inhibitoryShare);
    Checks.checkArgument(inputScale >= 0, "inputScale must be >= 0, got %s", inputScale);
    Checks.positive(steps, "steps");
    Checks.positive(outputCount, "outputCount");
    Checks.checkArgument(
        afferents >= 1 && afferents <= neurons,
        "afferents must be in [1, %d], got %s",
        neurons,
        afferents);
    Checks.checkArgument(
        outputRate > 0 && outputRate <= 0.5, "outputRate must be in (0, 0.5], got %s", outputRate);
    Checks.checkArgument(
        teacherDensity > 0 && teacherDensity <= 1,
        "teacherDensity must be in (0, 1], got %s",
        teacherDensity);
    LiquidParameters p =
        LiquidParameters.builder().neurons(neurons).inputChannels(8).seed(seed).build();
    Liquid liquid = Liquid.create(p);
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
    SpikeRaster input = new SpikeRaster(steps, 8);
    for (int t = 0; t < steps; t++) {
      for (int c = 0; c < 8; c++) {
        if (random.nextDouble() < 0.3) {
          input.set(t, c);
        }
      }
    }
    int total = neurons + outputCount;
    // Presynaptic neurons of each output: a partial Fisher-Yates shuffle per output.
    boolean[][] feeds = new boolean[outputCount][neurons];
    int[] excitatoryNeurons = new int[liquid.excitatoryCount()];
    int e = 0;
    for (int i = 0; i < neurons; i++) {
      if (liquid.isExcitatory(i)) {
        excitatoryNeurons[e++] = i;
      }
    }
    int[] inhibitoryNeurons = new int[neurons - excitatoryNeurons.length];
    int in = 0;
    for (int i = 0; i < neurons; i++) {
      if (!liquid.isExcitatory(i)) {
        inhibitoryNeurons[in++] = i;
      }
    }
    int inhibitoryAfferents = (int) Math.round(inhibitoryShare * afferents);
    int excitatoryAfferents = afferents - inhibitoryAfferents;
    Checks.checkArgument(
        excitatoryAfferents <= excitatoryNeurons.length,
        "excitatory afferents must be at most the %d excitatory neurons, got %s",
        excitatoryNeurons.length,
        excitatoryAfferents);
    Checks.checkArgument(
        inhibitoryAfferents <= inhibitoryNeurons.length,
        "inhibitory afferents must be at most the %d inhibitory neurons, got %s",
        inhibitoryNeurons.length,
        inhibitoryAfferents);
    for (int o = 0; o < outputCount; o++) {
      drawAfferents(excitatoryNeurons, excitatoryAfferents, feeds[o], random);
      if (inhibitoryAfferents > 0) {
        drawAfferents(inhibitoryNeurons, inhibitoryAfferents, feeds[o], random);
      }
    }
    CsrMatrix old = liquid.recurrent();
    int[] rp = old.rowPointers();
    int[] pointers = new int[total + 1];
    int[] columns = new int[old.nonZeros() + outputCount * afferents];
    float[] values = new float[columns.length];
    int k2 = 0;
    for (int r = 0; r < neurons; r++) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        columns[k2] = old.columnIndices()[k];
        values[k2++] = old.values()[k];
      }
      for (int o = 0; o < outputCount; o++) {
        if (feeds[o][r]) {
          boolean excitatoryPre = liquid.isExcitatory(r);
          double w = p.meanWeight(excitatoryPre, true) * (0.5 + random.nextDouble());
          columns[k2] = neurons + o;
          values[k2++] = (float) (excitatoryPre ? w : -w);
        }
      }
      pointers[r + 1] = k2;
    }
    Arrays.fill(pointers, neurons + 1, total + 1, k2);
    CsrMatrix recurrent = new CsrMatrix(total, total, pointers, columns, values);
    CsrMatrix inputMatrix =
        withOutputInput(
            liquid.input(),
            neurons,
            outputCount,
            p.inputProbability(),
            p.inputWeight() * inputScale,
            random);
    int[] x = new int[total];
    int[] y = new int[total];
    int[] z = new int[total];
    boolean[] excitatory = new boolean[total];
    int[] original = new int[total];
    int top = 0;
    for (int i = 0; i < neurons; i++) {
      int[] position = liquid.position(i);
      x[i] = position[0];
      y[i] = position[1];
      z[i] = position[2];
      top = Math.max(top, position[2]);
      excitatory[i] = liquid.isExcitatory(i);
      original[i] = i;
    }
    int side = Liquid.gridSides(neurons)[0];
    for (int o = 0; o < outputCount; o++) {
      int i = neurons + o;
      x[i] = o % side;
      y[i] = (o / side) % side;
      z[i] = top + 1 + o / (side * side);
      excitatory[i] = true;
      original[i] = i;
    }
    Liquid student = new Liquid(p, x, y, z, excitatory, original, recurrent, inputMatrix);
    if (inhibitoryAfferents > 0) {
      balance(student, neurons, input, inhibitoryBalance);
    }
    Liquid teacher = student.copy();
    float[] w = teacher.recurrent().values();
    int[] tc = teacher.recurrent().columnIndices();
    for (int k = 0; k < w.length; k++) {
      if (tc[k] >= neurons) {
        w[k] =
            random.nextDouble() < teacherDensity
                ? (float) (w[k] * (0.5 + random.nextDouble()) / teacherDensity)
                : 0f;
      }
    }
    int[] outputs = new int[outputCount];
    Arrays.setAll(outputs, o -> neurons + o);
    int wanted = (int) Math.max(1, Math.round(outputRate * steps));
    calibrate(student, outputs, input, wanted);
    calibrate(teacher, outputs, input, wanted);
    if (targets == Targets.POISSON) {
      SpikeRaster trains =
          randomTrains(
              steps, outputCount, wanted, minimumTargetGap(p), seed * 0x9E3779B97F4A7C15L + 29);
      return new SaStlTask(student, teacher, outputs, input, trains);
    }
    SpikeRaster taught = new LiquidSimulator(teacher, 0).raster(input);
    SpikeRaster teacherTargets = new SpikeRaster(steps, outputCount);
    for (int t = 0; t < steps; t++) {
      for (int o = 0; o < outputCount; o++) {
        if (taught.get(t, outputs[o])) {
          teacherTargets.set(t, o);
        }
      }
    }
    return new SaStlTask(student, teacher, outputs, input, teacherTargets);
  }

  /**
   * Scales each output's inhibitory afferent weights (in place) so that the charge they deliver
   * over the presentation, {@code sum_i |w_io| n_i tau_syn} (n_i the presynaptic spike count,
   * tau_syn of the synapse's type), is {@code ratio} times the excitatory one. The liquid's
   * activity does not depend on the outputs (they send no synapses), so one run gives every n_i.
   */
  private static void balance(Liquid liquid, int neurons, SpikeRaster input, double ratio) {
    int[] counts = new LiquidSimulator(liquid, 0).raster(input).countsPerNeuron();
    CsrMatrix w = liquid.recurrent();
    LiquidParameters p = liquid.parameters();
    int outputCount = w.cols() - neurons;
    double[] excitation = new double[outputCount];
    double[] inhibition = new double[outputCount];
    int[] rp = w.rowPointers();
    for (int r = 0; r < neurons; r++) {
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        int o = w.columnIndices()[k] - neurons;
        if (o >= 0) {
          // The charge a spike delivers is its current jump times the synaptic time constant
          // (tau_syn_i is twice
          // tau_syn_e by default), so the balance is of charges.
          double drive = Math.abs(w.values()[k]) * counts[r];
          if (liquid.isExcitatory(r)) {
            excitation[o] += drive * p.tauSynE();
          } else {
            inhibition[o] += drive * p.tauSynI();
          }
        }
      }
    }
    for (int r = 0; r < neurons; r++) {
      if (liquid.isExcitatory(r)) {
        continue;
      }
      for (int k = rp[r]; k < rp[r + 1]; k++) {
        int o = w.columnIndices()[k] - neurons;
        // An output whose inhibitory afferents never fire keeps their weights: there is nothing to
        // balance.
        if (o >= 0 && inhibition[o] > 0) {
          w.values()[k] = (float) (w.values()[k] * ratio * excitation[o] / inhibition[o]);
        }
      }
    }
  }

  /**
   * Marks {@code count} neurons of {@code candidates}, drawn uniformly without replacement (partial
   * Fisher-Yates).
   */
  private static void drawAfferents(
      int[] candidates, int count, boolean[] feeds, SplittableRandom random) {
    int[] pool = candidates.clone();
    for (int a = 0; a < count; a++) {
      int j = a + random.nextInt(pool.length - a);
      int swap = pool[a];
      pool[a] = pool[j];
      pool[j] = swap;
      feeds[pool[a]] = true;
    }
  }

  /**
   * The minimum gap between two spikes of a {@link Targets#POISSON} target: the liquid neurons'
   * refractory period in steps plus one, the shortest interval an output can produce (2 ms / 1 ms +
   * 1 = 3 steps by default).
   */
  public static int minimumTargetGap(LiquidParameters p) {
    return (int) Math.ceil(p.tRef() / p.dt() - 1e-9) + 1;
  }

  /**
   * Random spike trains: each of {@code trains} trains has exactly {@code count} spikes in {@code
   * steps} steps, any two at least {@code minGap} steps apart, every such placement equally likely.
   * Drawn by choosing {@code count} distinct slots out of {@code steps - (count - 1)(minGap - 1)}
   * uniformly (partial Fisher-Yates), sorting them and shifting the k-th by {@code k (minGap - 1)};
   * the result is a Bernoulli (discrete Poisson) train conditioned on its count, with a dead time.
   *
   * @param minGap smallest distance between two spikes of a train, in steps, >= 1
   * @param seed seed of the draw
   */
  public static SpikeRaster randomTrains(int steps, int trains, int count, int minGap, long seed) {
    Checks.positive(steps, "steps");
    Checks.positive(trains, "trains");
    Checks.positive(minGap, "minGap");
    int slots = steps - (count - 1) * (minGap - 1);
    Checks.checkArgument(
        count >= 0 && count <= slots,
        "count must be in [0, %d] for %d steps with a gap of %d, got %s",
        Math.max(0, slots),
        steps,
        minGap,
        count);
    SplittableRandom random = new SplittableRandom(seed);
    SpikeRaster raster = new SpikeRaster(steps, trains);
    int[] pool = new int[slots];
    int[] chosen = new int[count];
    for (int o = 0; o < trains; o++) {
      Arrays.setAll(pool, i -> i);
      for (int a = 0; a < count; a++) {
        int j = a + random.nextInt(slots - a);
        int swap = pool[a];
        pool[a] = pool[j];
        pool[j] = swap;
        chosen[a] = pool[a];
      }
      Arrays.sort(chosen);
      for (int a = 0; a < count; a++) {
        raster.set(chosen[a] + a * (minGap - 1), o);
      }
    }
    return raster;
  }

  /**
   * Scales each output's afferent weights, recurrent and input alike (in place), by its own factor,
   * found by bisection on the log of the factor, so that the output fires as close to {@code
   * wanted} spikes as the bisection gets in 30 rounds. The outputs send no synapses, so all of them
   * are calibrated from the same runs.
   */
  private static void calibrate(Liquid liquid, int[] outputs, SpikeRaster input, int wanted) {
    int first = outputs[0];
    float[][] values = {liquid.recurrent().values(), liquid.input().values()};
    int[][] columns = {liquid.recurrent().columnIndices(), liquid.input().columnIndices()};
    float[][] base = {values[0].clone(), values[1].clone()};
    double[] low = new double[outputs.length];
    double[] high = new double[outputs.length];
    Arrays.fill(low, Math.log(1e-2));
    Arrays.fill(high, Math.log(1e2));
    double[] best = new double[outputs.length];
    int[] bestMiss = new int[outputs.length];
    Arrays.fill(bestMiss, Integer.MAX_VALUE);
    for (int round = 0; round <= 30; round++) {
      double[] logGain = new double[outputs.length];
      for (int o = 0; o < outputs.length; o++) {
        logGain[o] = round == 30 ? best[o] : 0.5 * (low[o] + high[o]);
      }
      for (int m = 0; m < 2; m++) {
        for (int k = 0; k < values[m].length; k++) {
          if (columns[m][k] >= first) {
            values[m][k] = (float) (base[m][k] * Math.exp(logGain[columns[m][k] - first]));
          }
        }
      }
      if (round == 30) {
        break;
      }
      int[] counts = new LiquidSimulator(liquid, 0).raster(input).countsPerNeuron();
      for (int o = 0; o < outputs.length; o++) {
        int miss = Math.abs(counts[outputs[o]] - wanted);
        if (miss < bestMiss[o]) {
          bestMiss[o] = miss;
          best[o] = logGain[o];
        }
        if (counts[outputs[o]] < wanted) {
          low[o] = logGain[o];
        } else {
          high[o] = logGain[o];
        }
      }
    }
  }

  /**
   * The liquid's input projection widened to the outputs: each channel reaches each output with
   * probability {@code probability}, weight {@code weight U[0.5, 1.5)} (the liquid's own input
   * law).
   */
  private static CsrMatrix withOutputInput(
      CsrMatrix old,
      int neurons,
      int outputCount,
      double probability,
      double weight,
      SplittableRandom random) {
    int channels = old.rows();
    int[] rp = old.rowPointers();
    int[] pointers = new int[channels + 1];
    int[] columns = new int[old.nonZeros() + channels * outputCount];
    float[] values = new float[columns.length];
    int k2 = 0;
    for (int c = 0; c < channels; c++) {
      for (int k = rp[c]; k < rp[c + 1]; k++) {
        columns[k2] = old.columnIndices()[k];
        values[k2++] = old.values()[k];
      }
      for (int o = 0; o < outputCount; o++) {
        double u = random.nextDouble();
        double w = weight * (0.5 + random.nextDouble());
        if (u < probability) {
          columns[k2] = neurons + o;
          values[k2++] = (float) w;
        }
      }
      pointers[c + 1] = k2;
    }
    return new CsrMatrix(
        channels,
        neurons + outputCount,
        pointers,
        Arrays.copyOf(columns, k2),
        Arrays.copyOf(values, k2));
  }

  /**
   * The default task of {@code snn lsm sastl}: 200 liquid neurons, 300 steps, 10 outputs with 40
   * afferents each, 0.05 spikes per step, direct input at 0.6 of the liquid's input weight, dense
   * teacher.
   */
  public static SaStlTask defaults(long seed) {
    return create(200, 300, 10, 40, 0.05, 0.6, 1.0, seed);
  }

  /**
   * A diagnostic upper reference for synapse selection, not a learning method: the student with,
   * for every output, only the {@code ceil(keep x afferents)} synapses onto it whose
   * <em>teacher</em> weight is largest in magnitude (a synapse the teacher lacks counts as 0; ties
   * by presynaptic index). Training this student with keep 1 shows what a selection that knew the
   * teacher could reach.
   */
  public Liquid studentKeepingTeachersStrongest(double keep) {
    Checks.checkArgument(keep > 0 && keep <= 1, "keep must be in (0, 1], got %s", keep);
    CsrMatrix w = student.recurrent();
    CsrMatrix tw = teacher.recurrent();
    int first = outputs[0];
    int rows = w.rows();
    // Teacher weight per (pre, output).
    double[][] teacherWeight = new double[outputs.length][rows];
    for (int r = 0; r < rows; r++) {
      for (int k = tw.rowPointers()[r]; k < tw.rowPointers()[r + 1]; k++) {
        int c = tw.columnIndices()[k];
        if (c >= first) {
          teacherWeight[c - first][r] = Math.abs(tw.values()[k]);
        }
      }
    }
    boolean[] keepEntry = new boolean[w.values().length];
    for (int o = 0; o < outputs.length; o++) {
      int column = first + o;
      java.util.List<int[]> afferentsOfO = new java.util.ArrayList<>();
      for (int r = 0; r < rows; r++) {
        for (int k = w.rowPointers()[r]; k < w.rowPointers()[r + 1]; k++) {
          if (w.columnIndices()[k] == column) {
            afferentsOfO.add(new int[] {r, k});
          }
        }
      }
      double[] tww = teacherWeight[o];
      afferentsOfO.sort(
          (a, b) -> {
            int c = Double.compare(tww[b[0]], tww[a[0]]);
            return c != 0 ? c : Integer.compare(a[0], b[0]);
          });
      int kept = (int) Math.ceil(keep * afferentsOfO.size() - 1e-9);
      for (int i = 0; i < kept; i++) {
        keepEntry[afferentsOfO.get(i)[1]] = true;
      }
    }
    int[] pointers = new int[rows + 1];
    int[] columns = new int[w.values().length];
    float[] values = new float[w.values().length];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = w.rowPointers()[r]; k < w.rowPointers()[r + 1]; k++) {
        if (w.columnIndices()[k] < first || keepEntry[k]) {
          columns[n] = w.columnIndices()[k];
          values[n++] = w.values()[k];
        }
      }
      pointers[r + 1] = n;
    }
    return student.withSynapses(
        new CsrMatrix(
            rows, w.cols(), pointers, Arrays.copyOf(columns, n), Arrays.copyOf(values, n)),
        student.input());
  }

  /** Synapses onto the outputs in the student (the trainable ones). */
  public int trainableSynapses() {
    int count = 0;
    for (int c : student.recurrent().columnIndices()) {
      count += c >= outputs[0] ? 1 : 0;
    }
    return count;
  }
}
