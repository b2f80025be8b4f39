package org.snncodesign.learning.lsm.readout;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One logistic-readout fit (150 accelerated-gradient steps, 10 classes) on LSM-shaped states: 1348
 * training samples (the digits task's training part) of 4000 spike-count features (4 bins x 1000
 * neurons, Poisson counts with class-dependent rates), in primal coordinates and in dual
 * coordinates. The dual time includes building the Gram matrix, which a cross-validation shares
 * between its folds and lambdas, so the ratio is a lower bound.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class LogisticReadoutBenchmark {
  @Param({"primal", "dual"})
  String coordinates;

  private double[] z;
  private int[] labels;
  private int[] rows;
  private final int samples = 1348;
  private final int dimension = 4000;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    float[] counts = new float[samples * dimension];
    labels = new int[samples];
    double[] classRate = new double[10 * dimension];
    for (int i = 0; i < classRate.length; i++) {
      classRate[i] = random.nextDouble() < 0.2 ? 0 : 3 * random.nextDouble();
    }
    for (int s = 0; s < samples; s++) {
      labels[s] = s % 10;
      for (int j = 0; j < dimension; j++) {
        counts[s * dimension + j] = poisson(random, classRate[labels[s] * dimension + j]);
      }
    }
    Features x = new Features(samples, dimension, counts);
    z = Standardizer.fit(x).apply(x);
    rows = java.util.stream.IntStream.range(0, samples).toArray();
  }

  private static int poisson(SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int k = 0;
    while (product > limit) {
      product *= random.nextDouble();
      k++;
    }
    return k;
  }

  @Benchmark
  public double[] fit() {
    return "dual".equals(coordinates)
        ? LogisticRegression.trainDual(z, dimension, labels, rows, 10, 1e-3, 150)
        : LogisticRegression.train(z, dimension, labels, rows, 10, 1e-3, 150);
  }
}
