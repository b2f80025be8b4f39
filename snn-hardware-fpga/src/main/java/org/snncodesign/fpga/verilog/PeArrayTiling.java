package org.snncodesign.fpga.verilog;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.firefly.SparsityDetector;

/**
 * Cuts one spiking layer into the segment stream of the PE array, in the order of the {@code
 * firefly-s} model ({@code FireFlySArray}): blocks of {@code cols} output neurons, within a block
 * tiles of {@code rows} time steps, within a tile the input segments of {@code width} bits. Row r
 * of a tile carries the spike bitmap segment of step {@code t0 + r}, column c the weight bitmap
 * segment of output {@code j0 + c} and its packed non-zero values (rows and columns past the
 * layer's edge carry zero bitmaps).
 *
 * <p>The look-ahead detector: a segment in which no PE has a match is dropped, as the model charges
 * it no cycle; a tile left without any segment is sent as one empty {@code last} segment (it still
 * costs the tile's pipeline cycles). The first tile of each output block is {@code fresh}.
 */
public final class PeArrayTiling {
  private final PeArrayConfig config;
  private final SpikeRaster spikes;
  private final int inputs;
  private final int outputs;
  private final int wordsPerColumn;
  private final long[] columnBits;
  private final int[] dense;
  private int tiles;
  private long matches;

  /**
   * @param spikes input spikes, {@code T x inputs}
   * @param weights {@code inputs x outputs} integer weights that fit in {@code valueBits} two's
   *     complement bits
   */
  public PeArrayTiling(PeArrayConfig config, SpikeRaster spikes, CsrMatrix weights) {
    Checks.checkArgument(
        config != null && spikes != null && weights != null,
        "config, spikes, weights must be given");
    Checks.checkArgument(
        spikes.neurons() == weights.rows(),
        "spikes have %d neurons but weights %d rows",
        spikes.neurons(),
        weights.rows());
    this.config = config;
    this.spikes = spikes;
    this.inputs = weights.rows();
    this.outputs = weights.cols();
    this.wordsPerColumn = SpikeRaster.wordsFor(inputs);
    this.columnBits = new long[Math.multiplyExact(outputs, wordsPerColumn)];
    this.dense = new int[Math.multiplyExact(inputs, outputs)];
    int lo = -(1 << (config.valueBits() - 1));
    int hi = (1 << (config.valueBits() - 1)) - 1;
    int[] pointers = weights.rowPointers();
    int[] columns = weights.columnIndices();
    float[] values = weights.values();
    for (int i = 0; i < inputs; i++) {
      for (int k = pointers[i]; k < pointers[i + 1]; k++) {
        float w = values[k];
        Checks.checkArgument(
            w == Math.rint(w) && w >= lo && w <= hi,
            "weight (%d, %d) = %s is not an integer in [%d, %d]",
            i,
            columns[k],
            w,
            lo,
            hi);
        if (w != 0f) {
          dense[i * outputs + columns[k]] = (int) w;
          columnBits[columns[k] * wordsPerColumn + (i >>> 6)] |= 1L << i;
        }
      }
    }
  }

  /** The segment stream of the whole layer; also counts {@link #tiles()} and {@link #matches()}. */
  public List<PeArraySegment> segments() {
    int rows = config.rows();
    int cols = config.cols();
    int w = config.width();
    int steps = spikes.timeSteps();
    int segmentsPerStep = (inputs + w - 1) / w;
    long[] spikeWords = spikes.words();
    List<PeArraySegment> out = new ArrayList<>();
    tiles = 0;
    matches = 0;
    for (int j0 = 0; j0 < outputs; j0 += cols) {
      for (int t0 = 0; t0 < steps; t0 += rows) {
        tiles++;
        int before = out.size();
        for (int s = 0; s < segmentsPerStep; s++) {
          long[] spikeRows = new long[rows];
          long[] weightCols = new long[cols];
          int[][] packed = new int[cols][w];
          for (int r = 0; r < rows && t0 + r < steps; r++) {
            spikeRows[r] = SparsityDetector.segment(spikeWords, spikes.stepOffset(t0 + r), s, w);
          }
          long found = 0;
          for (int c = 0; c < cols && j0 + c < outputs; c++) {
            weightCols[c] = SparsityDetector.segment(columnBits, (j0 + c) * wordsPerColumn, s, w);
            int slot = 0;
            for (long bits = weightCols[c]; bits != 0; bits &= bits - 1) {
              packed[c][slot++] =
                  dense[(s * w + Long.numberOfTrailingZeros(bits)) * outputs + j0 + c];
            }
            for (long row : spikeRows) {
              found += Long.bitCount(SparsityDetector.matches(row, weightCols[c]));
            }
          }
          if (found > 0) {
            matches += found;
            out.add(new PeArraySegment(t0 == 0, false, spikeRows, weightCols, packed));
          }
        }
        if (out.size() == before) {
          out.add(
              new PeArraySegment(t0 == 0, true, new long[rows], new long[cols], new int[cols][w]));
        } else {
          PeArraySegment tail = out.get(out.size() - 1);
          out.set(
              out.size() - 1,
              new PeArraySegment(
                  tail.fresh(), true, tail.spikeBits(), tail.weightBits(), tail.packedValues()));
        }
      }
    }
    return out;
  }

  /** Tiles of the last {@link #segments()} call: blocks of outputs times tiles of steps. */
  public int tiles() {
    return tiles;
  }

  /**
   * (spike, non-zero weight) pairs of the last {@link #segments()} call: the accumulates the array
   * performs.
   */
  public long matches() {
    return matches;
  }
}
