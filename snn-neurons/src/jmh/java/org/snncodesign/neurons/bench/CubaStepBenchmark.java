package org.snncodesign.neurons.bench;

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
import org.openjdk.jmh.infra.Blackhole;
import org.snncodesign.neurons.cuba.CubaNetwork;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.PropagationMode;

/**
 * The CUBA network (Brette et al. 2007): one operation is 100 ms of biological time (1,000 steps).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class CubaStepBenchmark {
  @Param({"EVENT", "CLOCK"})
  public PropagationMode mode;

  private Network network;

  @Setup(Level.Trial)
  public void build() {
    network = CubaNetwork.build(mode, 1);
  }

  @Benchmark
  public void hundredMilliseconds(Blackhole hole) {
    network.run(1000);
    hole.consume(network.spikeCount());
  }
}
