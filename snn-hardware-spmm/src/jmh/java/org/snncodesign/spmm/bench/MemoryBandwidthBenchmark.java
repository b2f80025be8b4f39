package org.snncodesign.spmm.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The machine's single-thread memory bandwidth, STREAM-copy style: copying 64 MiB ({@code 2 x 64
 * MiB} moved per operation, far beyond the caches) gives the ceiling the SpMM kernel's achieved
 * GB/s is compared with.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemoryBandwidthBenchmark {
  static final int LONGS = 8 * 1024 * 1024;
  long[] source;
  long[] target;

  @Setup
  public void setUp() {
    source = new long[LONGS];
    target = new long[LONGS];
    for (int i = 0; i < LONGS; i++) {
      source[i] = i;
    }
  }

  @Benchmark
  public long[] copy64MiB() {
    System.arraycopy(source, 0, target, 0, LONGS);
    return target;
  }
}
