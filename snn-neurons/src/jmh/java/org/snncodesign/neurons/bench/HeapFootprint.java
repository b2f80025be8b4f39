package org.snncodesign.neurons.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.neurons.engine.Network;
import org.snncodesign.neurons.engine.PropagationMode;
import org.snncodesign.neurons.engine.RandomConnectivity;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

/**
 * Measures the live heap of a 100,000-neuron LIF network with about 10 million synapses (0.1%
 * connectivity): used heap after full GCs, before and after building, and after 100 steps. Run with
 * {@code java -cp target/benchmarks.jar org.snncodesign.neurons.bench.HeapFootprint}.
 */
public final class HeapFootprint {
  private HeapFootprint() {}

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) throws InterruptedException {
    int n = 100_000;
    double dt = 1e-3;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    CsrMatrix w = RandomConnectivity.bernoulli(n, n, 0.001, 0.01f, 1);
    Network net =
        Network.builder(dt)
            .population(
                "p",
                new LeakyIntegrateAndFire()
                    .create(
                        n,
                        NeuronParameters.withDt(dt).with("tau_syn_e", 0.005).with("v_rest", 1.05)))
            .projection("w", "p", "p", w, 1, 0)
            .mode(PropagationMode.EVENT)
            .build();
    net.run(100);
    long after = usedAfterGc(memory);
    System.out.printf(
        java.util.Locale.ROOT,
        "{\"neurons\":%d,\"synapses\":%d,\"heap_bytes\":%d,\"heap_mb\":%.1f,\"network_array_bytes\":%d,"
            + "\"spikes\":%d}%n",
        net.neuronCount(),
        net.synapseCount(),
        after - before,
        (after - before) / 1048576.0,
        net.heapBytes(),
        net.spikeCount());
  }
}
