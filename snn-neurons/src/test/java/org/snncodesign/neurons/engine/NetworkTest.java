package org.snncodesign.neurons.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.neuron.NeuronParameters;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.neurons.cuba.CubaNetwork;
import org.snncodesign.neurons.izhikevich.Izhikevich;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

class NetworkTest {
  private static final double DT = 1e-3;

  /**
   * Poisson drive -> LIF (random per-synapse delays) -> Izhikevich, with a recurrent LIF
   * projection.
   */
  private static Network mixed(PropagationMode mode, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    CsrMatrix drive = RandomConnectivity.bernoulli(300, 200, 0.1, 0.4f, random.nextLong());
    CsrMatrix recurrent = RandomConnectivity.bernoulli(200, 200, 0.05, -0.3f, random.nextLong());
    CsrMatrix forward = RandomConnectivity.bernoulli(200, 100, 0.1, 4f, random.nextLong());
    int[] delays = new int[drive.nonZeros()];
    for (int k = 0; k < delays.length; k++) {
      delays[k] = 1 + random.nextInt(7);
    }
    // Vary the weights so that summation order would matter if the two modes differed.
    float[] w = drive.values();
    for (int k = 0; k < w.length; k++) {
      w[k] *= (float) (0.5 + random.nextDouble());
    }
    return Network.builder(DT)
        .population("in", new PoissonSource(300, DT, 40, random.nextLong()))
        .population(
            "lif",
            new LeakyIntegrateAndFire()
                .create(
                    200,
                    NeuronParameters.withDt(DT)
                        .with("tau_syn_e", 0.005)
                        .with("tau_syn_i", 0.01)
                        .with("t_ref", 0.002)))
        .population("izh", new Izhikevich().create(100, NeuronParameters.withDt(DT)))
        .projection("drive", "in", "lif", drive, delays, 0)
        .projection("rec", "lif", "lif", recurrent, 2, 1)
        .projection("fwd", "lif", "izh", forward, 3, 0)
        .mode(mode)
        .build();
  }

  @Test
  @DisplayName(
      "Clock-driven and event-driven runs give the same spikes, spike for spike, with per-synapse delays")
  void clockAndEventAgreeOnAMixedNetwork() {
    Network clock = mixed(PropagationMode.CLOCK, 11);
    Network event = mixed(PropagationMode.EVENT, 11);
    List<SpikeMonitor> c =
        List.of(clock.monitorSpikes("in"), clock.monitorSpikes("lif"), clock.monitorSpikes("izh"));
    List<SpikeMonitor> e =
        List.of(event.monitorSpikes("in"), event.monitorSpikes("lif"), event.monitorSpikes("izh"));
    clock.run(1000);
    event.run(1000);
    for (int i = 0; i < 3; i++) {
      assertThat(e.get(i).count()).as(c.get(i).population()).isGreaterThan(50);
      assertThat(e.get(i).toRaster(0, 1000)).isEqualTo(c.get(i).toRaster(0, 1000));
    }
    assertThat(event.synapticEvents()).isEqualTo(clock.synapticEvents()).isPositive();
    assertThat(event.population("lif").membranePotential())
        .containsExactly(clock.population("lif").membranePotential());
  }

  @Test
  @DisplayName("The CUBA network gives identical spikes in both modes")
  void clockAndEventAgreeOnCuba() {
    Network clock = CubaNetwork.build(PropagationMode.CLOCK, 3);
    Network event = CubaNetwork.build(PropagationMode.EVENT, 3);
    SpikeMonitor c = clock.monitorSpikes(CubaNetwork.POPULATION);
    SpikeMonitor e = event.monitorSpikes(CubaNetwork.POPULATION);
    clock.run(1500);
    event.run(1500);
    assertThat(e.count()).isGreaterThan(1000);
    assertThat(e.toRaster(0, 1500)).isEqualTo(c.toRaster(0, 1500));
  }

  @Test
  @DisplayName("The same seed gives the same spikes; another seed gives others")
  void deterministicWithSeed() {
    Network a = mixed(PropagationMode.EVENT, 5);
    Network b = mixed(PropagationMode.EVENT, 5);
    Network other = mixed(PropagationMode.EVENT, 6);
    SpikeMonitor ma = a.monitorSpikes("lif");
    SpikeMonitor mb = b.monitorSpikes("lif");
    SpikeMonitor mo = other.monitorSpikes("lif");
    a.run(500);
    b.run(500);
    other.run(500);
    assertThat(ma.toRaster(0, 500))
        .isEqualTo(mb.toRaster(0, 500))
        .isNotEqualTo(mo.toRaster(0, 500));
  }

  @Test
  @DisplayName("reset() returns to step 0 so that a second run repeats the first spike for spike")
  void resetRepeatsTheRun() {
    Network net = mixed(PropagationMode.EVENT, 8);
    SpikeMonitor monitor = net.monitorSpikes("izh");
    net.run(400);
    org.snncodesign.api.spike.SpikeRaster first = monitor.toRaster(0, 400);
    long events = net.synapticEvents();
    net.reset();
    assertThat(net.currentStep()).isZero();
    assertThat(monitor.count()).isZero();
    net.run(400);
    assertThat(monitor.toRaster(0, 400)).isEqualTo(first);
    assertThat(net.synapticEvents()).isEqualTo(events);
  }

  @Test
  @DisplayName("A spike arrives exactly delay steps later, on the chosen channel")
  void delayIsExact() {
    // One IF neuron driven over threshold at step 0 by a pulse source; the target integrates weight
    // 2 after 4 steps.
    CsrMatrix one = new CsrMatrix(1, 1, new int[] {0, 1}, new int[] {0}, new float[] {2f});
    Network net =
        Network.builder(DT)
            .population("src", new PoissonSource(1, DT, 1e9, 1))
            .population(
                "dst",
                new org.snncodesign.neurons.integrate.IntegrateAndFire()
                    .create(1, NeuronParameters.withDt(DT).with("v_th", 100)))
            .projection("p", "src", "dst", one, 4, 0)
            .build();
    StateMonitor v = net.monitorState("dst", 0);
    net.run(6);
    assertThat(v.trace(0)).containsExactly(0f, 0f, 0f, 0f, 2f, 4f);
  }

  @Test
  @DisplayName("A step allocates nothing once warm (spikes are bits, buffers are reused)")
  void stepDoesNotAllocate() {
    Network net = mixed(PropagationMode.EVENT, 2);
    net.run(2000);
    com.sun.management.ThreadMXBean bean =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = bean.getCurrentThreadAllocatedBytes();
    net.run(2000);
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated in 2000 steps").isLessThan(2000);
  }

  @Test
  @DisplayName("Spike and state monitors write CSV with a header and one row per spike or step")
  void monitorsWriteCsv(@TempDir Path dir) throws Exception {
    Network net = mixed(PropagationMode.EVENT, 4);
    SpikeMonitor spikes = net.monitorSpikes("lif");
    StateMonitor state = net.monitorState("lif", 0, 5);
    net.run(100);
    spikes.writeCsv(dir.resolve("spikes.csv"));
    state.writeCsv(dir.resolve("v.csv"));
    List<String> s = Files.readAllLines(dir.resolve("spikes.csv"));
    List<String> v = Files.readAllLines(dir.resolve("v.csv"));
    assertThat(s.get(0)).isEqualTo("step,time_s,neuron");
    assertThat(s).hasSize(spikes.count() + 1);
    assertThat(v.get(0)).isEqualTo("step,time_s,v_0,v_5");
    assertThat(v).hasSize(101);
    assertThat(v.get(100)).startsWith("99,");
    assertThat(state.trace(1)).hasSize(100);
  }

  @Test
  @DisplayName(
      "Mismatched shapes, unknown populations, bad delays and channels are refused by name")
  void badWiring() {
    NetworkBuilder b =
        Network.builder(DT)
            .population("a", new LeakyIntegrateAndFire().create(10, NeuronParameters.withDt(DT)))
            .population("b", new LeakyIntegrateAndFire().create(20, NeuronParameters.withDt(DT)));
    CsrMatrix wrong = RandomConnectivity.bernoulli(10, 10, 0.5, 1f, 1);
    CsrMatrix right = RandomConnectivity.bernoulli(10, 20, 0.5, 1f, 1);
    assertThatThrownBy(() -> b.projection("p", "a", "b", wrong, 1, 0))
        .hasMessageContaining("10 x 10")
        .hasMessageContaining("20 of 'b'");
    assertThatThrownBy(() -> b.projection("p", "a", "c", right, 1, 0)).hasMessageContaining("'c'");
    assertThatThrownBy(() -> b.projection("p", "a", "b", right, 0, 0))
        .hasMessageContaining("got 0");
    assertThatThrownBy(() -> b.projection("p", "a", "b", right, 1, 2))
        .hasMessageContaining("channel 2");
    assertThatThrownBy(
            () ->
                b.population(
                    "x", new LeakyIntegrateAndFire().create(1, NeuronParameters.withDt(2e-3))))
        .hasMessageContaining("dt = 0.002");
    assertThatThrownBy(() -> Network.builder(-0.1))
        .hasMessageContaining("dt")
        .hasMessageContaining("-0.1");
  }

  @Test
  @DisplayName(
      "100k neurons with 10M synapses take well under 200 MB (CSR arrays, ring buffers, state)")
  void hundredThousandNeuronsFitIn200Megabytes() {
    int n = 100_000;
    CsrMatrix w = RandomConnectivity.bernoulli(n, n, 0.001, 0.01f, 9);
    Network net =
        Network.builder(DT)
            .population("p", new LeakyIntegrateAndFire().create(n, NeuronParameters.withDt(DT)))
            .projection("w", "p", "p", w, 1, 0)
            .build();
    assertThat(net.synapseCount()).isBetween(9_900_000L, 10_100_000L);
    // Populations: v, two currents, refractory counter, a zero buffer: 5 x 4 bytes per neuron.
    long bytes = net.heapBytes() + 20L * n;
    assertThat(bytes).isLessThan(200L << 20);
  }
}
