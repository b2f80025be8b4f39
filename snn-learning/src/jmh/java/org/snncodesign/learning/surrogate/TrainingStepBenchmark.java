package org.snncodesign.learning.surrogate;

import java.util.Random;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * One optimiser step (forward over T steps, BPTT, Adam update) of a 784-500-10 LIF network on a
 * batch of 64 MNIST-like inputs (about 19 % non-zero pixels, as in MNIST), T = 8.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class TrainingStepBenchmark {
  @Param({"1", "2"})
  int threads;

  @Param({"8"})
  int timesteps;

  private SurrogateGradientTrainer trainer;
  private float[] features;
  private int[] labels;
  private int[] order;

  @Setup(Level.Trial)
  public void setUp() {
    int batch = 64;
    Random random = new Random(1);
    features = new float[batch * 784];
    labels = new int[batch];
    order = new int[batch];
    for (int s = 0; s < batch; s++) {
      labels[s] = random.nextInt(10);
      order[s] = s;
      for (int i = 0; i < 784; i++) {
        features[s * 784 + i] = random.nextFloat() < 0.19f ? random.nextFloat() : 0f;
      }
    }
    SpikingNetwork network =
        SpikingNetwork.initialise(
            new int[] {784, 500, 10}, timesteps, 0.9f, 1f, ResetMode.SUBTRACT, Readout.MEMBRANE, 1);
    trainer =
        new SurrogateGradientTrainer(
            network, TrainingOptions.builder().threads(threads).batchSize(batch).build());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    trainer.close();
  }

  @Benchmark
  public double trainingStep() {
    return trainer.step(features, labels, order, 0, order.length, 1e-3f)[0];
  }
}
