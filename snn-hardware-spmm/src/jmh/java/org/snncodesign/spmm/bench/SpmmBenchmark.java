package org.snncodesign.spmm.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.spmm.kernel.DenseGemm;
import org.snncodesign.spmm.kernel.GustavsonSpmm;
import org.snncodesign.spmm.kernel.QuantizedCsrMatrix;
import org.snncodesign.spmm.kernel.SpikeIndexLists;
import org.snncodesign.spmm.workload.RandomSpmmOperands;

/**
 * S (rows x K binary spikes) x W (K x M sparse weights), K = M = 1024, 256 rows: the Gustavson
 * kernel (one and all threads; float CSR, bitmap and int8 weights) against a straightforward dense
 * float GEMM and EJML's sparse CSC multiply, side by side on the same seeded operands. Every method
 * returns its output so nothing is dead-code eliminated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpmmBenchmark {
  @Param({"0.5", "0.9", "0.99"})
  public double weightSparsity;

  @Param({"0.05"})
  public double spikeRate;

  @Param({"256"})
  public int rows;

  @Param({"1024"})
  public int k;

  @Param({"1024"})
  public int m;

  SpikeRaster spikes;
  SpikeIndexLists spikeLists;
  CsrMatrix weights;
  BitmapMatrix bitmap;
  QuantizedCsrMatrix int8;
  float[] denseSpikes;
  float[] denseWeights;
  float[] out;
  ForkJoinPool pool;
  GustavsonSpmm sequential;
  GustavsonSpmm parallel;
  DMatrixSparseCSC ejmlSpikes;
  DMatrixSparseCSC ejmlWeights;
  DMatrixSparseCSC ejmlOut;

  @Setup(Level.Trial)
  public void setUp() {
    spikes = RandomSpmmOperands.spikes(rows, k, spikeRate, 42);
    spikeLists = SpikeIndexLists.fromRaster(spikes);
    weights = RandomSpmmOperands.weights(k, m, 1 - weightSparsity, 43);
    bitmap = BitmapMatrix.fromCsr(weights);
    int8 = QuantizedCsrMatrix.quantize(weights, 8);
    denseSpikes = DenseGemm.toDense(spikes);
    denseWeights = weights.toDense();
    out = new float[rows * m];
    pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    sequential = GustavsonSpmm.sequential();
    parallel = GustavsonSpmm.parallel(pool);
    ejmlSpikes = toCsc(denseSpikes, rows, k);
    ejmlWeights = toCsc(denseWeights, k, m);
    ejmlOut = new DMatrixSparseCSC(rows, m, 0);
  }

  private static DMatrixSparseCSC toCsc(float[] dense, int rows, int cols) {
    DMatrixRMaj d = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < dense.length; i++) {
      d.data[i] = dense[i];
    }
    return DConvertMatrixStruct.convert(d, (DMatrixSparseCSC) null, 0);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    pool.shutdown();
  }

  @Benchmark
  public float[] denseGemm() {
    DenseGemm.multiplyInto(denseSpikes, rows, k, denseWeights, m, out);
    return out;
  }

  @Benchmark
  public float[] gustavsonCsr() {
    sequential.multiply(spikes, weights, out);
    return out;
  }

  @Benchmark
  public float[] gustavsonCsrParallel() {
    parallel.multiply(spikes, weights, out);
    return out;
  }

  @Benchmark
  public float[] gustavsonCsrIndexLists() {
    sequential.multiply(spikeLists, weights, out);
    return out;
  }

  @Benchmark
  public float[] gustavsonBitmap() {
    sequential.multiply(spikes, bitmap, out);
    return out;
  }

  @Benchmark
  public float[] gustavsonInt8() {
    sequential.multiply(spikes, int8, out);
    return out;
  }

  @Benchmark
  public Object gustavsonSparseOutput() {
    return sequential.multiplySparse(spikes, weights);
  }

  @Benchmark
  public DMatrixSparseCSC ejmlSparseMultiply() {
    CommonOps_DSCC.mult(ejmlSpikes, ejmlWeights, ejmlOut, null, null);
    return ejmlOut;
  }
}
