package org.snncodesign.spmm.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Row-wise (Gustavson) product of a binary spike matrix and a sparse weight matrix: {@code C = S W}
 * with {@code S} of {@code rows x K} (rows are time steps, or time steps x batch, flattened) and
 * {@code W} of {@code K x M}.
 *
 * <p>Row {@code i} of the product is {@code C[i,:] = sum over k with S[i,k] = 1 of W[k,:]} (F. G.
 * Gustavson, ACM TOMS 4(3), 1978): each spike selects a weight row, and because spikes are binary
 * there is no multiply, only the accumulate. The work is {@code sum_i sum_{k in spikes(i)}
 * nnz(W[k,:])} adds, so it shrinks with both spike and weight sparsity, against {@code rows K M}
 * multiply-adds for a dense product.
 *
 * <p>Within a row, spikes are visited in ascending {@code k}, so every output is summed in the same
 * order as the dense i-k-j reference ({@link DenseGemm}) and float results agree exactly. Rows are
 * split over a {@link ForkJoinPool} when the estimated adds exceed a threshold; each task allocates
 * its scratch once, and the inner loops allocate nothing.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GustavsonSpmm {
  /**
   * Estimated adds above which rows are split over threads (below it, task overhead outweighs the
   * gain).
   */
  public static final long DEFAULT_PARALLEL_THRESHOLD = 1L << 17;

  /**
   * {@link Accumulator#AUTO} takes the hash accumulator when a row's output bound is at most M /
   * this.
   */
  public static final int DEFAULT_HASH_RATIO = 16;

  private final ForkJoinPool pool;
  private final long parallelThreshold;
  private final int hashRatio;

  /** The common pool, the default threshold and hash ratio. */
  public GustavsonSpmm() {
    this(ForkJoinPool.commonPool(), DEFAULT_PARALLEL_THRESHOLD, DEFAULT_HASH_RATIO);
  }

  /**
   * @param pool threads to split rows over
   * @param parallelThreshold estimated adds below which the product runs on the calling thread
   * @param hashRatio see {@link Accumulator#AUTO}
   */
  public GustavsonSpmm(ForkJoinPool pool, long parallelThreshold, int hashRatio) {
    Checks.checkArgument(pool != null, "pool must not be null");
    Checks.checkArgument(
        parallelThreshold >= 0, "parallelThreshold must be >= 0, got %d", parallelThreshold);
    this.pool = pool;
    this.parallelThreshold = parallelThreshold;
    this.hashRatio = Checks.positive(hashRatio, "hashRatio");
  }

  /** A kernel that always runs on the calling thread. */
  public static GustavsonSpmm sequential() {
    return new GustavsonSpmm(ForkJoinPool.commonPool(), Long.MAX_VALUE, DEFAULT_HASH_RATIO);
  }

  /**
   * A kernel that splits every product over {@code pool}, whatever its size (for tests and
   * benchmarks).
   */
  public static GustavsonSpmm parallel(ForkJoinPool pool) {
    return new GustavsonSpmm(pool, 0, DEFAULT_HASH_RATIO);
  }

  // ---- dense output
  // ------------------------------------------------------------------------------------------

  /** {@code spikes x weights} as a new row-major {@code timeSteps x M} array. */
  public float[] multiply(SpikeRaster spikes, CsrMatrix weights) {
    float[] out = new float[Math.multiplyExact(spikes.timeSteps(), weights.cols())];
    multiply(spikes, weights, out);
    return out;
  }

  /** Writes {@code spikes x weights} into {@code out} (overwritten); returns the adds performed. */
  public long multiply(SpikeRaster spikes, CsrMatrix weights, float[] out) {
    return dense(SpikeRows.of(spikes), WeightRows.of(weights), out);
  }

  /** Index-list spikes, CSR weights. */
  public long multiply(SpikeIndexLists spikes, CsrMatrix weights, float[] out) {
    return dense(SpikeRows.of(spikes), WeightRows.of(weights), out);
  }

  /** Bit-set spikes, bitmap weights. */
  public long multiply(SpikeRaster spikes, BitmapMatrix weights, float[] out) {
    return dense(SpikeRows.of(spikes), WeightRows.of(weights), out);
  }

  /** Index-list spikes, bitmap weights. */
  public long multiply(SpikeIndexLists spikes, BitmapMatrix weights, float[] out) {
    return dense(SpikeRows.of(spikes), WeightRows.of(weights), out);
  }

  /** Bit-set spikes, quantized weights; outputs are {@code scale * (exact integer sum)}. */
  public long multiply(SpikeRaster spikes, QuantizedCsrMatrix weights, float[] out) {
    return dense(SpikeRows.of(spikes), WeightRows.of(weights), out);
  }

  /** Index-list spikes, quantized weights. */
  public long multiply(SpikeIndexLists spikes, QuantizedCsrMatrix weights, float[] out) {
    return dense(SpikeRows.of(spikes), WeightRows.of(weights), out);
  }

  /**
   * Bit-set spikes, quantized weights: the exact integer sums of codes (multiply by the scale to
   * get weights).
   */
  public long multiplyCodes(SpikeRaster spikes, QuantizedCsrMatrix weights, int[] out) {
    return codes(SpikeRows.of(spikes), (WeightRows.Quantized) WeightRows.of(weights), out);
  }

  /** Index-list spikes, quantized weights, integer sums of codes. */
  public long multiplyCodes(SpikeIndexLists spikes, QuantizedCsrMatrix weights, int[] out) {
    return codes(SpikeRows.of(spikes), (WeightRows.Quantized) WeightRows.of(weights), out);
  }

  private long dense(SpikeRows s, WeightRows w, float[] out) {
    checkShapes(s, w, out.length);
    final int m = w.cols();
    return chunked(
        s.rows(),
        estimate(s, w),
        (from, to) -> {
          Workspace ws = new Workspace(s.direct() == null ? s.cols() : 0, w.intRowLength());
          long adds = 0;
          for (int i = from; i < to; i++) {
            int offset = i * m;
            WeightRows.clear(out, offset, m);
            int n = s.row(i, ws.spikes);
            int[] src = s.direct() == null ? ws.spikes : s.direct();
            adds += w.writeRow(src, s.start(i), n, out, offset, ws);
          }
          return adds;
        });
  }

  private long codes(SpikeRows s, WeightRows.Quantized w, int[] out) {
    checkShapes(s, w, out.length);
    final int m = w.cols();
    return chunked(
        s.rows(),
        estimate(s, w),
        (from, to) -> {
          int[] scratch = new int[s.direct() == null ? s.cols() : 0];
          long adds = 0;
          for (int i = from; i < to; i++) {
            int offset = i * m;
            Arrays.fill(out, offset, offset + m, 0);
            int n = s.row(i, scratch);
            int[] src = s.direct() == null ? scratch : s.direct();
            adds += w.accumulateCodes(src, s.start(i), n, out, offset);
          }
          return adds;
        });
  }

  // ---- sparse output
  // -----------------------------------------------------------------------------------------

  /**
   * {@code spikes x weights} in CSR form, accumulator chosen per row ({@link Accumulator#AUTO}).
   */
  public SparseProduct multiplySparse(SpikeRaster spikes, CsrMatrix weights) {
    return multiplySparse(spikes, weights, Accumulator.AUTO);
  }

  /** {@code spikes x weights} in CSR form with the given accumulator policy. */
  public SparseProduct multiplySparse(
      SpikeRaster spikes, CsrMatrix weights, Accumulator accumulator) {
    return sparse(SpikeRows.of(spikes), (WeightRows.Csr) WeightRows.of(weights), accumulator);
  }

  /** Index-list spikes, CSR output. */
  public SparseProduct multiplySparse(
      SpikeIndexLists spikes, CsrMatrix weights, Accumulator accumulator) {
    return sparse(SpikeRows.of(spikes), (WeightRows.Csr) WeightRows.of(weights), accumulator);
  }

  private SparseProduct sparse(SpikeRows s, WeightRows.Csr w, Accumulator mode) {
    checkShapes(s, w, (long) s.rows() * w.cols());
    Checks.checkArgument(mode != null, "accumulator must not be null");
    int rows = s.rows();
    int m = w.cols();
    int chunks = chunkCount(rows, estimate(s, w));
    SparseChunk[] pieces = new SparseChunk[chunks];
    long adds =
        run(
            chunks,
            rows,
            (c, from, to) -> {
              SparseChunk piece =
                  new SparseChunk(
                      from, to, Math.max(16, (int) Math.min(1 << 20, (long) (to - from) * 8)));
              int hashCapacity =
                  Integer.highestOneBit(Math.max(1, mode == Accumulator.HASH ? m : m / hashRatio))
                      * 4;
              Workspace ws = new Workspace(s.direct() == null ? s.cols() : 0, 0);
              ws.prepareSparse(m, hashCapacity);
              long done = 0;
              for (int i = from; i < to; i++) {
                int n = s.row(i, ws.spikes);
                int[] src = s.direct() == null ? ws.spikes : s.direct();
                done += sparseRow(src, s.start(i), n, w, ws, piece, mode, i - from);
              }
              pieces[c] = piece;
              return done;
            });
    int[] pointers = new int[rows + 1];
    int total = 0;
    for (SparseChunk p : pieces) {
      total = Math.addExact(total, p.size);
    }
    int[] columns = new int[total];
    float[] values = new float[total];
    int at = 0;
    int hashRows = 0;
    for (SparseChunk p : pieces) {
      System.arraycopy(p.columns, 0, columns, at, p.size);
      System.arraycopy(p.values, 0, values, at, p.size);
      for (int r = p.from; r < p.to; r++) {
        pointers[r + 1] = at + p.rowEnds[r - p.from];
      }
      at += p.size;
      hashRows += p.hashRows;
    }
    return new SparseProduct(new CsrMatrix(rows, m, pointers, columns, values), adds, hashRows);
  }

  private long sparseRow(
      int[] spikes,
      int from,
      int n,
      WeightRows.Csr w,
      Workspace ws,
      SparseChunk out,
      Accumulator mode,
      int localRow) {
    final int[] ptr = w.rowStarts;
    final int[] col = w.columns;
    final float[] val = w.values;
    final int m = w.cols();
    long work = 0;
    for (int s = from; s < from + n; s++) {
      work += ptr[spikes[s] + 1] - ptr[spikes[s]];
    }
    int bound = (int) Math.min(m, work);
    out.ensure(bound);
    boolean hash =
        mode == Accumulator.HASH || (mode == Accumulator.AUTO && (long) bound * hashRatio <= m);
    int[] touched = ws.touched;
    int count = 0;
    if (hash) {
      // Open addressing, linear probing, Fibonacci hashing (Knuth, TAOCP 3, 6.4) into a table at
      // most half full.
      int capacity = Integer.highestOneBit(Math.max(2, bound * 2 - 1)) << 1;
      int shift = 32 - Integer.numberOfTrailingZeros(capacity);
      int mask = capacity - 1;
      int[] keys = ws.hashKeys;
      float[] sums = ws.hashValues;
      for (int s = from; s < from + n; s++) {
        int k = spikes[s];
        for (int p = ptr[k], stop = ptr[k + 1]; p < stop; p++) {
          int j = col[p];
          int h = (j * 0x9E3779B1) >>> shift;
          while (keys[h] != -1 && keys[h] != j) {
            h = (h + 1) & mask;
          }
          if (keys[h] == -1) {
            keys[h] = j;
            sums[h] = 0f;
            touched[count++] = j;
          }
          sums[h] += val[p];
        }
      }
      Arrays.sort(touched, 0, count);
      for (int t = 0; t < count; t++) {
        int j = touched[t];
        int h = (j * 0x9E3779B1) >>> shift;
        while (keys[h] != j) {
          h = (h + 1) & mask;
        }
        out.add(j, sums[h]);
      }
      Arrays.fill(keys, 0, capacity, -1);
      out.hashRows++;
    } else {
      if (++ws.generation == Integer.MAX_VALUE) {
        Arrays.fill(ws.stamp, 0);
        ws.generation = 1;
      }
      int gen = ws.generation;
      int[] stamp = ws.stamp;
      float[] acc = ws.denseAcc;
      for (int s = from; s < from + n; s++) {
        int k = spikes[s];
        for (int p = ptr[k], stop = ptr[k + 1]; p < stop; p++) {
          int j = col[p];
          if (stamp[j] != gen) {
            stamp[j] = gen;
            acc[j] = 0f;
            touched[count++] = j;
          }
          acc[j] += val[p];
        }
      }
      // A dense row is cheaper to read off in column order than to sort.
      if (count > m >>> 3) {
        for (int j = 0; j < m; j++) {
          if (stamp[j] == gen) {
            out.add(j, acc[j]);
          }
        }
      } else {
        Arrays.sort(touched, 0, count);
        for (int t = 0; t < count; t++) {
          out.add(touched[t], acc[touched[t]]);
        }
      }
    }
    out.rowEnds[localRow] = out.size;
    return work;
  }

  /** One task's slice of a CSR product, grown by doubling (amortised, not per element). */
  private static final class SparseChunk {
    final int from;
    final int to;
    final int[] rowEnds;
    int[] columns;
    float[] values;
    int size;
    int hashRows;

    SparseChunk(int from, int to, int capacity) {
      this.from = from;
      this.to = to;
      this.rowEnds = new int[to - from];
      this.columns = new int[capacity];
      this.values = new float[capacity];
    }

    void ensure(int more) {
      if (size + more > columns.length) {
        int capacity = Math.max(size + more, columns.length * 2);
        columns = Arrays.copyOf(columns, capacity);
        values = Arrays.copyOf(values, capacity);
      }
    }

    void add(int column, float value) {
      columns[size] = column;
      values[size++] = value;
    }
  }

  // ---- parallel driver
  // ---------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface RangeBody {
    long run(int from, int to);
  }

  @FunctionalInterface
  private interface ChunkBody {
    long run(int chunk, int from, int to);
  }

  /** Estimated adds: spikes times the mean weight-row length. */
  private static long estimate(SpikeRows s, WeightRows w) {
    return w.rows() == 0 ? 0 : (long) (s.count() * ((double) w.nonZeros() / w.rows()));
  }

  /**
   * Tasks to split {@code rows} into: 1 below the threshold, else four per worker (for load
   * balance).
   */
  int chunkCount(int rows, long estimatedAdds) {
    if (rows < 2 || estimatedAdds < parallelThreshold || pool.getParallelism() < 2) {
      return 1;
    }
    return Math.min(rows, pool.getParallelism() * 4);
  }

  private long chunked(int rows, long estimatedAdds, RangeBody body) {
    return run(chunkCount(rows, estimatedAdds), rows, (c, from, to) -> body.run(from, to));
  }

  private long run(int chunks, int rows, ChunkBody body) {
    if (chunks <= 1) {
      return body.run(0, 0, rows);
    }
    List<RecursiveTask<Long>> tasks = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      final int chunk = c;
      final int from = (int) ((long) rows * c / chunks);
      final int to = (int) ((long) rows * (c + 1) / chunks);
      tasks.add(
          new RecursiveTask<>() {
            @Override
            protected Long compute() {
              return body.run(chunk, from, to);
            }
          });
    }
    return pool.invoke(
        new RecursiveTask<Long>() {
          @Override
          protected Long compute() {
            long sum = 0;
            for (RecursiveTask<Long> t : invokeAll(tasks)) {
              sum += t.join();
            }
            return sum;
          }
        });
  }

  private static void checkShapes(SpikeRows s, WeightRows w, long outLength) {
    Checks.checkArgument(
        s.cols() == w.rows(),
        "spikes have %d columns but weights have %d rows",
        s.cols(),
        w.rows());
    Checks.checkArgument(
        outLength == (long) s.rows() * w.cols(),
        "output has %d values, expected %d x %d",
        outLength,
        s.rows(),
        w.cols());
  }
}
