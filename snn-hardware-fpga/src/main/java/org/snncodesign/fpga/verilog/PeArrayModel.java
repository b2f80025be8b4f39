package org.snncodesign.fpga.verilog;

import java.util.Arrays;
import org.snncodesign.api.Checks;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.firefly.SparsityDetector;

/**
 * The cycle-accurate Java model of the exported bitmap PE array ({@link PeArrayVerilog}): every
 * register of the RTL, updated once per {@link #step}, so that the testbench can compare all
 * outputs on every cycle.
 *
 * <p>Per accepted segment, PE (r, c) loads the detector's matches {@code m = spike[r] AND
 * weight[c]} ({@link SparsityDetector#matches}). While matches remain, each cycle it takes the
 * lowest {@code L} of them; the value of a match at position {@code k} is packed slot {@code
 * popcount(weight[c] below k)} ({@link SparsityDetector#valueIndex}); the lane sum is registered
 * and added into the PE's {@code AB}-bit wrapping accumulator one cycle later. The array takes the
 * next segment in the cycle in which every PE fetches its last lanes of the current one, so a
 * segment occupies the array for {@code max over PEs of ceil(m / L)} cycles, the {@code firefly-s}
 * model's segment cost. After the tile's last segment the array spends one cycle on the last
 * accumulate and one on the integrate-and-fire stage: per column c, for rows r = 0..R-1 in order,
 * {@code v = sat(v + acc[r][c])}; {@code v >= THETA}: spike[r][c], {@code v = 0}. With the cycle of
 * the first segment (detect), a tile costs {@link #TILE_OVERHEAD_CYCLES} = 3 cycles besides its
 * segments, the {@code firefly-s} model's pipeline depth (detect, fetch value, accumulate and
 * fire). Membranes start at 0 on a tile whose first segment is {@code fresh} and carry over between
 * the time tiles of one block of outputs.
 *
 * <p>Segments without any match are not sent: the look-ahead detector the {@code firefly-s} model
 * assumes sits in front of the array ({@link PeArrayTiling} drops them), so the array's cycles
 * equal the model's. A tile without any match is one empty {@code last} segment, 3 cycles.
 */
public final class PeArrayModel {
  /** Cycles of a tile besides its segments' fetch cycles: detect, last accumulate, fire. */
  public static final int TILE_OVERHEAD_CYCLES = FireFlySArray.PIPELINE_DEPTH;

  private final PeArrayConfig config;
  private final int pes;
  private final long[] mask;
  private final long[] lane;
  private final long[] acc;
  private final long[] membrane;
  private final boolean[] spikes;
  private final long[] weightBits;
  private final int[][] values;
  private final long[] nextMask;
  private final long[] laneSum;
  private boolean busy;
  private boolean last;
  private boolean fire;
  private boolean done;

  public PeArrayModel(PeArrayConfig config) {
    Checks.checkArgument(config != null, "config must be given");
    this.config = config;
    this.pes = config.processingElements();
    mask = new long[pes];
    lane = new long[pes];
    acc = new long[pes];
    membrane = new long[config.cols()];
    spikes = new boolean[pes];
    weightBits = new long[config.cols()];
    values = new int[config.cols()][config.width()];
    nextMask = new long[pes];
    laneSum = new long[pes];
  }

  public PeArrayConfig config() {
    return config;
  }

  /**
   * The combinational fetch stage: each PE's lane sum this cycle and the matches it leaves for
   * later cycles.
   */
  private void fetch() {
    int cols = config.cols();
    for (int p = 0; p < pes; p++) {
      int c = p % cols;
      long remaining = mask[p];
      long sum = 0;
      for (int l = 0; l < config.lanes() && remaining != 0; l++) {
        int position = Long.numberOfTrailingZeros(remaining);
        sum +=
            BitmapPeModel.wrap(
                values[c][SparsityDetector.valueIndex(weightBits[c], position)],
                config.valueBits());
        remaining &= remaining - 1;
      }
      laneSum[p] = BitmapPeModel.wrap(sum, config.accumulatorBits());
      nextMask[p] = remaining;
    }
  }

  /**
   * True when the array takes a valid segment this cycle (idle, or every PE fetches its last lanes
   * now).
   */
  public boolean ready() {
    if (!busy) {
      return true;
    }
    if (last) {
      return false;
    }
    fetch();
    for (long m : nextMask) {
      if (m != 0) {
        return false;
      }
    }
    return true;
  }

  /** Applies one clock edge. */
  public void step(PeArrayCycle in) {
    if (in.reset()) {
      busy = false;
      last = false;
      fire = false;
      done = false;
      Arrays.fill(mask, 0);
      Arrays.fill(lane, 0);
      Arrays.fill(acc, 0);
      Arrays.fill(membrane, 0);
      Arrays.fill(spikes, false);
      Arrays.fill(weightBits, 0);
      for (int[] column : values) {
        Arrays.fill(column, 0);
      }
      return;
    }
    boolean wasBusy = busy;
    boolean accept = in.valid() && ready();
    boolean empty = true;
    for (long m : mask) {
      empty &= m == 0;
    }
    boolean drain = busy && last && !fire && empty;
    boolean firing = fire;
    fetch();
    int ab = config.accumulatorBits();
    done = firing;
    if (firing) {
      fireStage();
      busy = false;
      last = false;
      fire = false;
    }
    for (int p = 0; p < pes; p++) {
      acc[p] = accept && !wasBusy ? 0 : BitmapPeModel.wrap(acc[p] + lane[p], ab);
      lane[p] = laneSum[p];
    }
    if (accept) {
      PeArraySegment s = in.segment();
      if (!wasBusy && s.fresh()) {
        Arrays.fill(membrane, 0);
      }
      busy = true;
      last = s.last();
      for (int c = 0; c < config.cols(); c++) {
        weightBits[c] = s.weightColumn(c) & widthMask();
        for (int k = 0; k < config.width(); k++) {
          values[c][k] = (int) BitmapPeModel.wrap(s.value(c, k), config.valueBits());
        }
      }
      for (int p = 0; p < pes; p++) {
        long spikeRow = s.spikeRow(p / config.cols()) & widthMask();
        mask[p] = SparsityDetector.matches(spikeRow, weightBits[p % config.cols()]);
      }
    } else {
      System.arraycopy(nextMask, 0, mask, 0, pes);
    }
    if (drain) {
      fire = true;
    }
  }

  private long widthMask() {
    return config.width() == 64 ? -1L : (1L << config.width()) - 1;
  }

  // Integrate and fire, column by column through the rows (time steps) in order; reads the
  // accumulators before
  // this edge's accumulate, as the RTL's non-blocking assignments do.
  private void fireStage() {
    int cols = config.cols();
    long max = (1L << (config.accumulatorBits() - 1)) - 1;
    long min = -max - 1;
    for (int c = 0; c < cols; c++) {
      long v = membrane[c];
      for (int r = 0; r < config.rows(); r++) {
        v = Math.max(min, Math.min(max, v + acc[r * cols + c]));
        spikes[r * cols + c] = v >= config.threshold();
        if (spikes[r * cols + c]) {
          v = 0;
        }
      }
      membrane[c] = v;
    }
  }

  /**
   * True in the cycle after the fire stage: {@link #spike} and {@link #membrane} hold the tile's
   * result.
   */
  public boolean done() {
    return done;
  }

  /**
   * The accumulator of PE (r, c): the synaptic input of step {@code t0 + r} to output {@code j0 +
   * c}.
   */
  public long accumulator(int r, int c) {
    return acc[r * config.cols() + c];
  }

  /** Membrane of column c after the last fire stage. */
  public long membrane(int c) {
    return membrane[c];
  }

  /** Spike of PE (r, c) from the last fire stage. */
  public boolean spike(int r, int c) {
    return spikes[r * config.cols() + c];
  }

  /** True from a tile's first segment until its fire stage. */
  public boolean busy() {
    return busy;
  }
}
