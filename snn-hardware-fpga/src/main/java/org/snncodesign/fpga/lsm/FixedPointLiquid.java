package org.snncodesign.fpga.lsm;

import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * A liquid quantised for the LUT-based accelerator, with the bit-exact reference simulation of its
 * fixed-point LIF.
 *
 * <p>Weights (recurrent and input, one common scale {@code s = max |w| / (2^(b-1) - 1)}) become
 * b-bit integers {@code round(w / s)}; potentials and currents are integers in units of s,
 * saturating at the signed {@code stateBits} range, and the threshold is {@code round(v_th / s)}
 * with v_th = 1. Each step, in integers:
 *
 * <pre>
 *   i_e = i_e - leakE(i_e) + sum of excitatory and input weights of last step's spikes
 *   i_i = i_i - leakI(i_i) + sum of inhibitory weights of last step's spikes       (negative)
 *   v   = v - leakM(v) + ((i_e + i_i) * g_num) &gt;&gt; g_shift       (arithmetic shift)
 *   refractory: v = 0;   else v &gt;= theta: spike, v = 0, hold for refractorySteps - 1 steps
 * </pre>
 *
 * <p>where {@code leakX(x) = sign(x) LUT_X[|x| &gt;&gt; shift]} replaces the multiplication by
 * {@code 1 - e^{-1/tau}}: the LUT holds {@code round(c (1 - e^{-1/tau}))} for the centre c of each
 * of the {@code 2^lutIndexBits} equal buckets of |x| in {@code [0, 8 theta)}, the last entry
 * serving larger |x| (look-up-table decay, no multiplier). Spikes of step t reach their targets at
 * step t + 1, as in the software engine with delay 1.
 */
public final class FixedPointLiquid {
  final LutLsmConfig config;
  final int neurons;
  final int channels;
  final int[] rowPointers;
  final int[] columns;
  final int[] weights;
  final boolean[] excitatoryRow;
  final int[] inputPointers;
  final int[] inputColumns;
  final int[] inputWeights;
  final double scale;
  final int threshold;
  final int shift;
  final int[] lutM;
  final int[] lutE;
  final int[] lutI;
  final int maxState;

  /**
   * @param recurrent signed recurrent weights, neurons x neurons, row = presynaptic (excitatory
   *     rows >= 0, inhibitory rows &lt;= 0)
   * @param input non-negative input weights, channels x neurons
   */
  public FixedPointLiquid(CsrMatrix recurrent, CsrMatrix input, LutLsmConfig config) {
    Checks.checkArgument(
        recurrent.rows() == recurrent.cols(),
        "recurrent matrix must be square, got %d x %d",
        recurrent.rows(),
        recurrent.cols());
    Checks.checkArgument(
        input.cols() == recurrent.rows(),
        "input matrix has %d columns for %d neurons",
        input.cols(),
        recurrent.rows());
    this.config = config;
    this.neurons = recurrent.rows();
    this.channels = input.rows();
    double max = 0;
    for (float w : recurrent.values()) {
      max = Math.max(max, Math.abs(w));
    }
    for (float w : input.values()) {
      Checks.checkArgument(w >= 0, "input weights must be >= 0, got %s", w);
      max = Math.max(max, w);
    }
    int maxWeight = (1 << (config.weightBits() - 1)) - 1;
    this.scale = max == 0 ? 1 : max / maxWeight;
    this.rowPointers = recurrent.rowPointers().clone();
    this.columns = recurrent.columnIndices().clone();
    this.weights = quantise(recurrent.values(), scale);
    this.excitatoryRow = new boolean[neurons];
    for (int r = 0; r < neurons; r++) {
      boolean anyNegative = false;
      boolean anyPositive = false;
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        anyNegative |= recurrent.values()[k] < 0;
        anyPositive |= recurrent.values()[k] > 0;
      }
      Checks.checkArgument(
          !(anyNegative && anyPositive),
          "row %d mixes signs: a neuron is excitatory or inhibitory (Dale's law)",
          r);
      excitatoryRow[r] = !anyNegative;
    }
    this.inputPointers = input.rowPointers().clone();
    this.inputColumns = input.columnIndices().clone();
    this.inputWeights = quantise(input.values(), scale);
    this.maxState = (1 << (config.stateBits() - 1)) - 1;
    this.threshold = (int) Math.min(maxState, Math.round(1.0 / scale));
    // The LUT spans |x| < 8 theta (beyond it the leak saturates at the last entry): fine buckets
    // where the
    // dynamics live, instead of spreading 2^L entries over the whole saturating range.
    int spanBits = 64 - Long.numberOfLeadingZeros(8L * Math.max(1, threshold));
    this.shift = Math.max(0, spanBits - config.lutIndexBits());
    this.lutM = lut(config.tauMSteps());
    this.lutE = lut(config.tauSynESteps());
    this.lutI = lut(config.tauSynISteps());
  }

  private static int[] quantise(float[] values, double scale) {
    int[] out = new int[values.length];
    for (int k = 0; k < values.length; k++) {
      out[k] = (int) Math.round(values[k] / scale);
    }
    return out;
  }

  private int[] lut(double tau) {
    double fraction = -Math.expm1(-1 / tau);
    int[] table = new int[1 << config.lutIndexBits()];
    for (int k = 0; k < table.length; k++) {
      double centre = ((long) k << shift) + (shift == 0 ? 0 : (1L << (shift - 1)));
      table[k] = (int) Math.round(centre * fraction);
    }
    return table;
  }

  public int neurons() {
    return neurons;
  }

  public int channels() {
    return channels;
  }

  public int synapses() {
    return weights.length;
  }

  public int inputSynapses() {
    return inputWeights.length;
  }

  /** Real value of one weight unit. */
  public double scale() {
    return scale;
  }

  /** Threshold in weight units. */
  public int threshold() {
    return threshold;
  }

  /** Entries of each decay LUT. */
  public int lutEntries() {
    return lutM.length;
  }

  /** Bits of one stored synapse: weight plus column index. */
  public int synapseBits() {
    return config.weightBits()
        + Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, neurons - 1)));
  }

  /**
   * The reference simulation, written for clarity: step by step, every neuron in index order.
   *
   * @param steps steps to run; the input is silent past its end
   * @return the liquid's spikes, {@code steps x neurons}
   */
  public SpikeRaster simulate(SpikeRaster input, int steps) {
    Checks.checkArgument(
        input.neurons() == channels,
        "input has %d channels, the liquid %d",
        input.neurons(),
        channels);
    long[] v = new long[neurons];
    long[] ie = new long[neurons];
    long[] ii = new long[neurons];
    int[] hold = new int[neurons];
    SpikeRaster out = new SpikeRaster(steps, neurons);
    for (int t = 0; t < steps; t++) {
      long[] inE = new long[neurons];
      long[] inI = new long[neurons];
      if (t >= 1) {
        for (int pre = 0; pre < neurons; pre++) {
          if (out.get(t - 1, pre)) {
            for (int k = rowPointers[pre]; k < rowPointers[pre + 1]; k++) {
              if (excitatoryRow[pre]) {
                inE[columns[k]] += weights[k];
              } else {
                inI[columns[k]] += weights[k];
              }
            }
          }
        }
        if (t - 1 < input.timeSteps()) {
          for (int c = 0; c < channels; c++) {
            if (input.get(t - 1, c)) {
              for (int k = inputPointers[c]; k < inputPointers[c + 1]; k++) {
                inE[inputColumns[k]] += inputWeights[k];
              }
            }
          }
        }
      }
      for (int n = 0; n < neurons; n++) {
        if (updateNeuron(v, ie, ii, hold, n, inE[n], inI[n])) {
          out.set(t, n);
        }
      }
    }
    return out;
  }

  /**
   * One time step of neuron {@code n}'s fixed-point LIF, in place (the update of the class
   * comment); the single definition the reference simulation and the exported Verilog core ({@code
   * LutLifVerilog}) are checked against.
   *
   * @param inE this step's excitatory input (sum of excitatory and input weights of last step's
   *     spikes)
   * @param inI this step's inhibitory input (sum of inhibitory weights, &lt;= 0)
   * @return whether the neuron spikes
   */
  public boolean updateNeuron(
      long[] v, long[] ie, long[] ii, int[] hold, int n, long inE, long inI) {
    ie[n] = saturate(ie[n] - leak(lutE, ie[n]) + inE);
    ii[n] = saturate(ii[n] - leak(lutI, ii[n]) + inI);
    long drive = ((ie[n] + ii[n]) * config.gainNumerator()) >> config.gainShift();
    v[n] = saturate(v[n] - leak(lutM, v[n]) + drive);
    if (hold[n] > 0) {
      hold[n]--;
      v[n] = 0;
      return false;
    }
    if (v[n] >= threshold) {
      v[n] = 0;
      hold[n] = config.refractorySteps() - 1;
      return true;
    }
    return false;
  }

  public LutLsmConfig config() {
    return config;
  }

  /** Right shift of |state| that indexes the decay LUTs. */
  public int lutShift() {
    return shift;
  }

  /** The membrane decay LUT (a copy). */
  public int[] membraneLut() {
    return lutM.clone();
  }

  /** The excitatory synaptic current decay LUT (a copy). */
  public int[] excitatoryLut() {
    return lutE.clone();
  }

  /** The inhibitory synaptic current decay LUT (a copy). */
  public int[] inhibitoryLut() {
    return lutI.clone();
  }

  long leak(int[] lut, long x) {
    long magnitude = Math.abs(x);
    int index = (int) Math.min(lut.length - 1, magnitude >> shift);
    long amount = Math.min(magnitude, lut[index]);
    return x >= 0 ? amount : -amount;
  }

  long saturate(long x) {
    return Math.max(-maxState - 1, Math.min(maxState, x));
  }
}
