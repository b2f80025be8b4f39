package org.snncodesign.spmm.model;

import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.spmm.kernel.SpikeIndexLists;

/**
 * What the SpMM models need to know about one layer {@code S (rows x K) x W (K x M)}: per output
 * row, its spikes and the weight entries they select, optionally restricted to one of several equal
 * column tiles of {@code W}.
 *
 * <p>With measured spikes and weights every figure is exact. With statistics only, every row is the
 * expected row: {@code K * spikeRate} spikes, each selecting a weight row of {@code M *
 * weightDensity} entries; the models then see {@link #uniform()} rows and multiply one row's cost
 * by the row count.
 */
public final class LayerProfile {
  private final String name;
  private final int rows;
  private final int inputs;
  private final int outputs;
  private final int weightBits;
  private final double spikeRate;
  private final double weightDensity;
  // Measured form; null when only statistics are known.
  private final SpikeIndexLists spikes;
  private final CsrMatrix weights;
  private int cachedTiles;
  private int[] cachedTileLengths;

  private LayerProfile(LayerWorkload layer) {
    this.name = layer.name();
    this.rows = layer.timeSteps();
    this.inputs = layer.inputs();
    this.outputs = layer.outputs();
    this.weightBits = layer.weightBits();
    this.spikeRate = layer.spikeRate();
    this.weightDensity = layer.weightDensity();
    boolean measured = layer.spikes().isPresent() && layer.weights().isPresent();
    this.spikes = measured ? SpikeIndexLists.fromRaster(layer.spikes().orElseThrow()) : null;
    this.weights = measured ? layer.weights().orElseThrow() : null;
  }

  /**
   * The profile of {@code layer}: exact when it carries both spikes and weights, expected
   * otherwise.
   */
  public static LayerProfile of(LayerWorkload layer) {
    return new LayerProfile(layer);
  }

  public String name() {
    return name;
  }

  /** Rows of the spike matrix (time steps, or steps x batch flattened). */
  public int rows() {
    return rows;
  }

  /** K: presynaptic neurons. */
  public int inputs() {
    return inputs;
  }

  /** M: postsynaptic neurons. */
  public int outputs() {
    return outputs;
  }

  public int weightBits() {
    return weightBits;
  }

  /** True when every row is the same expected row (statistics only); row 0 then stands for all. */
  public boolean uniform() {
    return spikes == null;
  }

  /** Stored weight entries. */
  public double weightNonZeros() {
    return uniform() ? (double) inputs * outputs * weightDensity : weights.nonZeros();
  }

  /** All spikes. */
  public double totalSpikes() {
    return uniform() ? (double) rows * inputs * spikeRate : spikes.count();
  }

  /** Spikes of row {@code i}. */
  public double rowSpikes(int i) {
    return uniform() ? inputs * spikeRate : spikes.rowPointers()[i + 1] - spikes.rowPointers()[i];
  }

  /**
   * Spikes on input {@code k} over all rows (a column of S, what an outer product multiplies by row
   * k of W).
   */
  public double columnSpikes(int k) {
    if (uniform()) {
      return rows * spikeRate;
    }
    return columnCounts()[k];
  }

  /** Stored entries of weight row {@code k}. */
  public double weightRowLength(int k) {
    return uniform()
        ? outputs * weightDensity
        : weights.rowPointers()[k + 1] - weights.rowPointers()[k];
  }

  /**
   * Adds row {@code i} needs in column tile {@code tile} of {@code tiles}: its selected weight
   * entries there.
   */
  public double rowWork(int i, int tile, int tiles) {
    if (uniform()) {
      return rowSpikes(0) * outputs * weightDensity / tiles;
    }
    int[] lengths = tileLengths(tiles);
    int[] p = spikes.rowPointers();
    int[] idx = spikes.indices();
    long work = 0;
    for (int s = p[i]; s < p[i + 1]; s++) {
      work += lengths[idx[s] * tiles + tile];
    }
    return work;
  }

  /**
   * Beats to fetch row {@code i}'s selected weight rows in tile {@code tile} at {@code width}
   * entries per beat: {@code sum over spikes k of max(1, ceil(len(k, tile) / width))} (an empty row
   * still costs its pointer read).
   */
  public double rowFetchBeats(int i, int tile, int tiles, int width) {
    if (uniform()) {
      return rowSpikes(0) * Math.max(1, Math.ceil(outputs * weightDensity / tiles / width));
    }
    int[] lengths = tileLengths(tiles);
    int[] p = spikes.rowPointers();
    int[] idx = spikes.indices();
    long beats = 0;
    for (int s = p[i]; s < p[i + 1]; s++) {
      beats += Math.max(1, (lengths[idx[s] * tiles + tile] + width - 1) / width);
    }
    return beats;
  }

  /**
   * Entries of weight row {@code k} in column tile {@code tile}; tile {@code t} covers columns
   * [tM/n, (t+1)M/n).
   */
  public double weightRowLength(int k, int tile, int tiles) {
    return uniform() ? outputs * weightDensity / tiles : tileLengths(tiles)[k * tiles + tile];
  }

  /** First column of tile {@code t} of {@code tiles}. */
  public static int tileStart(int columns, int t, int tiles) {
    return (int) ((long) columns * t / tiles);
  }

  private synchronized int[] tileLengths(int tiles) {
    if (cachedTiles != tiles) {
      int[] lengths = new int[inputs * tiles];
      int[] ptr = weights.rowPointers();
      int[] col = weights.columnIndices();
      for (int k = 0; k < inputs; k++) {
        int t = 0;
        for (int p = ptr[k]; p < ptr[k + 1]; p++) {
          while (col[p] >= tileStart(outputs, t + 1, tiles)) {
            t++;
          }
          lengths[k * tiles + t]++;
        }
      }
      cachedTileLengths = lengths;
      cachedTiles = tiles;
    }
    return cachedTileLengths;
  }

  private int[] columnCountsCache;

  private synchronized int[] columnCounts() {
    if (columnCountsCache == null) {
      int[] counts = new int[inputs];
      for (int s : spikes.indices()) {
        counts[s]++;
      }
      columnCountsCache = counts;
    }
    return columnCountsCache;
  }

  /** A measured profile straight from operands (for tests and the CLI). */
  public static LayerProfile measured(
      String name, SpikeRaster spikes, CsrMatrix weights, int weightBits) {
    return of(LayerWorkload.measured(name, spikes, weights, weightBits));
  }
}
