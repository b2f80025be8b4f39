package org.snncodesign.fpga.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignParameter;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.systolic.SpikeXSystolicArray;
import org.snncodesign.fpga.systolic.SystolicConfig;

class JointSearchTest {
  private static final EnergyTable E = EnergyTable.HOROWITZ_45NM;
  private static final double[] SPARSITY = {0.5, 0.8, 0.9, 0.95};
  private static final int[] BITS = {8, 4, 2};

  /**
   * A hand-made network: two statistical layers whose weight density is 1 - sparsity and width the
   * bits gene; accuracy 0.95 at the reference, minus 1 point at 0.8 sparsity, 3 at 0.9, 15 at 0.95,
   * and 5 more at 2 bits.
   */
  static final class ToyNetwork implements NetworkSpace {
    final AtomicInteger calls = new AtomicInteger();
    final Set<String> asked = ConcurrentHashMap.newKeySet();

    @Override
    public String name() {
      return "toy";
    }

    @Override
    public List<DesignParameter> parameters() {
      return List.of(
          new DesignParameter("sparsity", List.of("0.5", "0.8", "0.9", "0.95")),
          DesignParameter.ofInts("bits", BITS));
    }

    @Override
    public NetworkVariant variant(int[] genes) {
      calls.incrementAndGet();
      asked.add(Arrays.toString(genes));
      return build(SPARSITY[genes[0]], BITS[genes[1]]);
    }

    @Override
    public NetworkVariant reference() {
      return build(0.5, 8);
    }

    static NetworkVariant build(double sparsity, int bits) {
      double drop = sparsity >= 0.95 ? 0.15 : sparsity >= 0.9 ? 0.03 : sparsity >= 0.8 ? 0.01 : 0;
      drop += bits == 2 ? 0.05 : 0;
      return new NetworkVariant(
          workload(sparsity, bits),
          0.95 - drop,
          Map.of("sparsity", Double.toString(sparsity), "bits", Integer.toString(bits)));
    }

    static Workload workload(double sparsity, int bits) {
      return new Workload(
          "toy " + sparsity + "/" + bits,
          List.of(
              LayerWorkload.ofStatistics("fc1", 4, 256, 128, 0.2, 1 - sparsity, bits),
              LayerWorkload.ofStatistics("fc2", 4, 128, 10, 0.1, 1 - sparsity, bits)));
    }
  }

  /**
   * Four systolic designs (rows, cols in {8, 16}): small enough that a search sees every joint
   * genome.
   */
  static final class TinySystolic implements DesignSpace {
    @Override
    public String name() {
      return "tiny-systolic";
    }

    @Override
    public List<DesignParameter> parameters() {
      return List.of(DesignParameter.ofInts("rows", 8, 16), DesignParameter.ofInts("cols", 8, 16));
    }

    @Override
    public Accelerator build(int[] genes) {
      return new SpikeXSystolicArray(
          SystolicConfig.DEFAULT.withArray(8 << genes[0], 8 << genes[1]));
    }
  }

  private static final SearchSettings SMALL =
      SearchSettings.DEFAULT.withBudget(16, 8, 3).withSeed(7);

  private static SearchResult joint(
      DesignSpace space, ToyNetwork network, double minAccuracy, SearchSettings settings) {
    return new CoSearch(space, FpgaResources.ZYNQ_7020, settings)
        .run(network, minAccuracy, E, Baselines.systolic(), s -> {});
  }

  @Test
  @DisplayName(
      "on both array models, a sparser network never costs a fixed design more energy, latency or EDP")
  void sparserNeverCostsMore() {
    List<DesignSpace> spaces = List.of(new SystolicDesignSpace(), new FireFlyDesignSpace());
    java.util.Random random = new java.util.Random(3);
    for (DesignSpace space : spaces) {
      for (int n = 0; n < 20; n++) {
        int[] genes = space.parameters().stream().mapToInt(p -> random.nextInt(p.size())).toArray();
        double previousEdp = Double.POSITIVE_INFINITY;
        double previousEnergy = Double.POSITIVE_INFINITY;
        for (double sparsity : SPARSITY) {
          Workload w = ToyNetwork.workload(sparsity, 4);
          var report = space.build(genes, w).evaluate(w, E);
          assertThat(report.energyPicojoules())
              .as("%s %s at sparsity %s", space.name(), Arrays.toString(genes), sparsity)
              .isLessThanOrEqualTo(previousEnergy);
          assertThat(report.energyDelayProduct()).isLessThanOrEqualTo(previousEdp);
          previousEdp = report.energyDelayProduct();
          previousEnergy = report.energyPicojoules();
        }
      }
    }
  }

  @Test
  @DisplayName(
      "the accuracy floor rejects variants below it; the best is then the sparsest variant that meets it")
  void accuracyFloor() {
    ToyNetwork network = new ToyNetwork();
    // 4 designs x 12 variants = 48 genomes; 64 random draws plus evolution see all of them.
    SearchResult result = joint(new TinySystolic(), network, 0.94, SMALL.withBudget(64, 16, 10));
    for (Candidate c : result.evaluated()) {
      assertThat(c.meetsAccuracy()).isEqualTo(c.accuracy() >= 0.94 - 1e-12);
      if (c.accuracy() < 0.94) {
        assertThat(c.feasible()).isFalse();
      }
    }
    assertThat(result.evaluated()).anyMatch(c -> !c.meetsAccuracy());
    // 0.95 sparsity or 2 bits drop more than 1 point; 0.8 sparsity at 4 bits is the cheapest that
    // meets it.
    assertThat(result.best().network().configuration())
        .containsEntry("sparsity", "0.8")
        .containsEntry("bits", "4");
    assertThat(result.best().accuracy()).isEqualTo(0.94);
    Candidate bruteForce =
        result.evaluated().stream().filter(Candidate::feasible).min(CoSearch.BY_EDP).orElseThrow();
    assertThat(result.best()).isSameAs(bruteForce);
    // Lifting the floor lets the search take the 0.95-sparse 2-bit network.
    SearchResult free =
        joint(
            new TinySystolic(),
            new ToyNetwork(),
            Double.NEGATIVE_INFINITY,
            SMALL.withBudget(64, 16, 10));
    assertThat(free.best().network().configuration())
        .containsEntry("sparsity", "0.95")
        .containsEntry("bits", "2");
    assertThat(free.best().edp()).isLessThan(result.best().edp());
  }

  @Test
  @DisplayName(
      "network genes add to the accelerator-only reduction, and the baseline is priced on the unmodified "
          + "network")
  void networkGenesHelp() {
    Workload reference = new ToyNetwork().reference().workload();
    SearchResult acceleratorOnly =
        new CoSearch(new SystolicDesignSpace(), FpgaResources.ZYNQ_7020, SMALL)
            .run(reference, E, Baselines.systolic(), s -> {});
    SearchResult joint = joint(new SystolicDesignSpace(), new ToyNetwork(), 0.94, SMALL);
    assertThat(joint.baseline().energyDelayProduct())
        .isEqualTo(Baselines.systolic().evaluate(reference, E).energyDelayProduct())
        .isEqualTo(acceleratorOnly.baseline().energyDelayProduct());
    assertThat(joint.edpReduction()).isGreaterThan(acceleratorOnly.edpReduction());
    assertThat(joint.baselineNetwork().accuracy()).isEqualTo(0.95);
    assertThat(joint.best().accuracy()).isGreaterThanOrEqualTo(0.94);
  }

  @Test
  @DisplayName("the same seed gives the same joint search on 1 thread and on 4, design for design")
  void parallelEqualsSerial() {
    SearchResult one =
        joint(new SystolicDesignSpace(), new ToyNetwork(), 0.92, SMALL.withThreads(1));
    SearchResult four =
        joint(new SystolicDesignSpace(), new ToyNetwork(), 0.92, SMALL.withThreads(4));
    assertThat(four.evaluated()).hasSameSizeAs(one.evaluated());
    for (int k = 0; k < one.evaluated().size(); k++) {
      Candidate a = one.evaluated().get(k);
      Candidate b = four.evaluated().get(k);
      assertThat(b.genes()).containsExactly(a.genes());
      assertThat(b.networkGenes()).containsExactly(a.networkGenes());
      assertThat(b.edp()).isEqualTo(a.edp());
    }
    assertThat(four.paretoFront()).isEqualTo(one.paretoFront());
    assertThat(four.accuracyFront()).isEqualTo(one.accuracyFront());
    SearchResult otherSeed =
        joint(new SystolicDesignSpace(), new ToyNetwork(), 0.92, SMALL.withSeed(8));
    assertThat(
            otherSeed.evaluated().stream()
                .map(c -> Arrays.toString(c.genes()) + Arrays.toString(c.networkGenes()))
                .toList())
        .isNotEqualTo(
            one.evaluated().stream()
                .map(c -> Arrays.toString(c.genes()) + Arrays.toString(c.networkGenes()))
                .toList());
  }

  @Test
  @DisplayName(
      "each distinct network variant is built once per search, however many designs share it")
  void variantsCached() {
    ToyNetwork network = new ToyNetwork();
    SearchResult result = joint(new SystolicDesignSpace(), network, 0.92, SMALL.withThreads(2));
    Set<String> distinct = new HashSet<>();
    result.evaluated().forEach(c -> distinct.add(Arrays.toString(c.networkGenes())));
    assertThat(network.calls.get()).isEqualTo(distinct.size()).isEqualTo(network.asked.size());
    assertThat(result.evaluated().size()).isGreaterThan(distinct.size());
  }

  @Test
  @DisplayName(
      "no design within budget beats an EDP-accuracy front member on both, and the best is on the front")
  void accuracyFront() {
    SearchResult result = joint(new SystolicDesignSpace(), new ToyNetwork(), 0.92, SMALL);
    List<Candidate> front = result.accuracyFront();
    assertThat(front).isNotEmpty().contains(result.best());
    for (Candidate f : front) {
      assertThat(result.evaluated())
          .noneMatch(c -> c.fitsBudget() && c.dominatesInEdpAndAccuracy(f));
    }
    List<Double> edps = new ArrayList<>();
    front.forEach(c -> edps.add(c.edp()));
    assertThat(edps).isSorted();
  }

  @Test
  @DisplayName("a floor no variant meets is reported, not silently ignored")
  void impossibleFloor() {
    assertThatThrownBy(() -> joint(new TinySystolic(), new ToyNetwork(), 0.99, SMALL))
        .hasMessageContaining("accuracy >= 0.99");
  }

  @Test
  @DisplayName(
      "the FireFly-S space stores weights at the network's width: 2-bit variants are priced at 2 bits")
  void fireFlyFollowsWeightBits() {
    FireFlyDesignSpace space = new FireFlyDesignSpace();
    int[] genes = new int[space.parameters().size()];
    Workload twoBit = ToyNetwork.workload(0.8, 2);
    Workload eightBit = ToyNetwork.workload(0.8, 8);
    Workload floats =
        new Workload("float", List.of(LayerWorkload.ofStatistics("fc", 4, 64, 10, 0.2, 0.5, 32)));
    assertThat(space.build(genes, twoBit).evaluate(twoBit, E).configuration())
        .containsEntry("weight_bits", "2");
    assertThat(space.build(genes, eightBit).evaluate(eightBit, E).configuration())
        .containsEntry("weight_bits", "8");
    assertThat(space.build(genes, floats).evaluate(floats, E).configuration())
        .containsEntry("weight_bits", "4");
    assertThat(space.build(genes, twoBit).evaluate(twoBit, E).energyPicojoules())
        .isLessThan(space.build(genes, eightBit).evaluate(eightBit, E).energyPicojoules());
    assertThat(space.build(genes)).isInstanceOf(FireFlySArray.class);
  }
}
