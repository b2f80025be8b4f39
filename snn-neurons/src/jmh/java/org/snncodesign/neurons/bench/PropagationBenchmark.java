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
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.PoissonSource;
import org.snncodesign.neurons.engine.PropagationMode;
import org.snncodesign.neurons.engine.RandomConnectivity;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

/**
 * Clock-driven vs event-driven propagation at 1% activity: 100,000 Poisson neurons (each spiking in
 * 1% of the 1 ms steps, 10 Hz) project with 1% connectivity (about 100 million synapses) onto
 * 100,000 LIF neurons. One operation is one network step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class PropagationBenchmark {
  private static final double DT = 1e-3;

  @Param({"100000"})
  public int neurons;

  @Param({"0.01"})
  public double connectivity;

  @Param({"CLOCK", "EVENT"})
  public PropagationMode mode;

  private Network network;
  private static CsrMatrix cached;
  private static String cachedKey;

  @Setup(Level.Trial)
  public void build() {
    String key = neurons + "/" + connectivity;
    if (!key.equals(cachedKey)) {
      cached = null;
      cached = RandomConnectivity.bernoulli(neurons, neurons, connectivity, 0.001f, 42);
      cachedKey = key;
    }
    double rate = -Math.log1p(-0.01) / DT;
    network =
        Network.builder(DT)
            .population("input", new PoissonSource(neurons, DT, rate, 7))
            .population(
                "lif", new LeakyIntegrateAndFire().create(neurons, NeuronParameters.withDt(DT)))
            .projection("w", "input", "lif", cached, 1, 0)
            .mode(mode)
            .build();
    network.run(10);
  }

  @Benchmark
  public void step(Blackhole hole) {
    network.step();
    hole.consume(network.synapticEvents());
  }
}
