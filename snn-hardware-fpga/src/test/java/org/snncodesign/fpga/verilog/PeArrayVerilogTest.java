package org.snncodesign.fpga.verilog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.fpga.TestWorkloads;

class PeArrayVerilogTest {
  private static final List<String> SOURCES = List.of("bitmap_pe_array.v", "bitmap_pe_array_tb.v");

  private static void assumeIcarus() {
    assumeTrue(
        IcarusSimulator.available(),
        "Icarus Verilog (iverilog, vvp) is not installed; install with apt-get install -y iverilog");
  }

  private static PeArrayCycleCheck.Outcome javaOnly(
      PeArrayVerilog rtl, PeArrayVerilog.LayerStimulus layer) throws IOException {
    return PeArrayCycleCheck.run(rtl, layer, 0, null, false);
  }

  @ParameterizedTest(name = "R={0} C={1} W={2} L={3} WB={4} AB={5} THETA={6}")
  @CsvSource({
    "2, 4, 16, 2, 4, 16, 24",
    "1, 4, 8, 1, 4, 12, 10",
    "3, 2, 32, 3, 4, 16, 20",
    "2, 2, 64, 4, 3, 10, 6"
  })
  @DisplayName(
      "the generated PE array agrees with the cycle-accurate Java model on every output of 10,000 random "
          + "cycles in Icarus Verilog")
  void bitExactInIcarus(
      int rows,
      int cols,
      int width,
      int lanes,
      int valueBits,
      int accBits,
      int threshold,
      @TempDir Path dir)
      throws IOException {
    assumeIcarus();
    PeArrayVerilog rtl =
        new PeArrayVerilog(
            new PeArrayConfig(rows, cols, width, lanes, valueBits, accBits, threshold));
    rtl.writeTo(dir, rtl.randomStimuli(10_000, 17 + width));
    String output = new IcarusSimulator(dir).run(PeArrayVerilog.MODULE + "_tb", SOURCES);
    assertThat(SimulationResult.parse(output)).isEqualTo(new SimulationResult(10_000, 0));
  }

  @Test
  @DisplayName("the testbench catches a wrong expected value (the check can fail)")
  void testbenchDetectsMismatch(@TempDir Path dir) throws IOException {
    assumeIcarus();
    PeArrayVerilog rtl = new PeArrayVerilog(PeArrayConfig.DEFAULT);
    rtl.writeTo(dir, rtl.randomStimuli(300, 5));
    Path expected = dir.resolve("expected.hex");
    List<String> lines = Files.readAllLines(expected);
    // Flip the lowest bit of accumulator (0, 0), the last field, in vector 150.
    lines.set(150, new java.math.BigInteger(lines.get(150), 16).flipBit(0).toString(16));
    Files.write(expected, lines);
    String output = new IcarusSimulator(dir).run(PeArrayVerilog.MODULE + "_tb", SOURCES);
    assertThat(SimulationResult.parse(output)).isEqualTo(new SimulationResult(300, 1));
    assertThat(output).contains("MISMATCH vector=150");
  }

  @Test
  @DisplayName(
      "the check layer ends in partial tiles on both sides, is seeded, and the model's cycles agree on it")
  void checkLayer() throws IOException {
    PeArrayVerilog rtl = new PeArrayVerilog(PeArrayConfig.DEFAULT);
    PeArrayVerilog.LayerStimulus layer = rtl.checkLayer(3);
    assertThat(layer.spikes().timeSteps()).isEqualTo(8);
    assertThat(layer.spikes().neurons()).isEqualTo(4 * PeArrayConfig.DEFAULT.width() + 3);
    assertThat(layer.weights().cols()).isEqualTo(3 * PeArrayConfig.DEFAULT.cols() + 1);
    assertThat(rtl.checkLayer(3)).isEqualTo(layer);
    assertThat(PeArrayCycleCheck.run(rtl, layer, 3, null, false).cyclesAgree()).isTrue();
  }

  @Test
  @DisplayName(
      "in Icarus the array finishes a layer in exactly the firefly-s model's compute cycles")
  void rtlCyclesMatchFireFly(@TempDir Path dir) throws IOException {
    assumeIcarus();
    PeArrayVerilog rtl = new PeArrayVerilog(PeArrayConfig.DEFAULT);
    PeArrayCycleCheck.Outcome outcome =
        PeArrayCycleCheck.run(
            rtl, rtl.randomLayer(new Random(9), 6, 70, 10, 0.3, 0.3), 1, dir, true);
    assertThat(outcome.mismatches()).isZero();
    assertThat(outcome.rtlTiles()).isEqualTo(outcome.tiles()).isEqualTo(3 * 3);
    assertThat((double) outcome.rtlCycles()).isEqualTo(outcome.fireFlyCycles());
    assertThat(outcome.modelCycles()).isEqualTo(outcome.rtlCycles());
    assertThat(outcome.cyclesAgree()).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"1", "2", "3", "4", "5", "6", "7", "8"})
  @DisplayName(
      "the Java array model takes the firefly-s model's compute cycles and synaptic operations on random "
          + "layers and array shapes")
  void modelCyclesMatchFireFly(long seed) throws IOException {
    Random random = new Random(seed);
    int[] widths = {8, 16, 32, 64};
    PeArrayConfig config =
        new PeArrayConfig(
            1 + random.nextInt(4),
            1 + random.nextInt(5),
            widths[random.nextInt(4)],
            1 + random.nextInt(4),
            4,
            16,
            20);
    PeArrayVerilog rtl = new PeArrayVerilog(config);
    PeArrayVerilog.LayerStimulus layer =
        rtl.randomLayer(
            random,
            1 + random.nextInt(9),
            10 + random.nextInt(150),
            1 + random.nextInt(12),
            0.02 + 0.4 * random.nextDouble(),
            0.05 + 0.5 * random.nextDouble());
    PeArrayCycleCheck.Outcome outcome = javaOnly(rtl, layer);
    assertThat((double) outcome.modelCycles())
        .as(config.toString())
        .isEqualTo(outcome.fireFlyCycles());
    assertThat(outcome.cyclesAgree()).isTrue();
    assertThat(outcome.matches())
        .isEqualTo(TestWorkloads.synapticPairs(layer.spikes(), layer.weights()));
  }

  @Test
  @DisplayName(
      "hand-computed: one PE, one lane, a segment with three matches then one with one costs 3 + 1 + 3 cycles")
  void handComputedCycles() throws IOException {
    PeArrayConfig config = new PeArrayConfig(1, 1, 8, 1, 4, 16, 100);
    // Inputs 0..15 (two 8-bit segments); weights at 1, 2, 5 (values 3, -2, 5) and 9 (value 7);
    // spikes at 1, 2, 5, 9.
    SpikeRaster spikes = TestWorkloads.raster(16, new int[] {1, 2, 5, 9});
    float[] dense = new float[16];
    dense[1] = 3;
    dense[2] = -2;
    dense[5] = 5;
    dense[9] = 7;
    PeArrayVerilog rtl = new PeArrayVerilog(config);
    PeArrayTiling tiling = new PeArrayTiling(config, spikes, CsrMatrix.fromDense(16, 1, dense));
    List<PeArraySegment> segments = tiling.segments();
    assertThat(segments).hasSize(2);
    PeArrayCycleCheck.Outcome outcome =
        javaOnly(rtl, new PeArrayVerilog.LayerStimulus(spikes, CsrMatrix.fromDense(16, 1, dense)));
    assertThat(outcome.modelCycles()).isEqualTo(3 + 1 + 3);
    assertThat(outcome.fireFlyCycles()).isEqualTo(7.0);
    PeArrayModel model = new PeArrayModel(config);
    for (PeArrayCycle cycle : rtl.drive(segments, new Random(0), 0, 0)) {
      model.step(cycle);
    }
    assertThat(model.accumulator(0, 0)).isEqualTo(3 - 2 + 5 + 7);
    assertThat(model.membrane(0)).isEqualTo(13);
    assertThat(model.spike(0, 0)).isFalse();
  }

  @Test
  @DisplayName("a layer without any match costs the 3 pipeline cycles per tile and fires nothing")
  void emptyTiles() throws IOException {
    PeArrayConfig config = new PeArrayConfig(2, 2, 8, 1, 4, 16, 1);
    PeArrayVerilog rtl = new PeArrayVerilog(config);
    SpikeRaster spikes = TestWorkloads.raster(8, new int[] {0}, new int[] {0}, new int[] {});
    float[] dense = new float[8 * 3];
    dense[7 * 3] = 1;
    PeArrayTiling tiling = new PeArrayTiling(config, spikes, CsrMatrix.fromDense(8, 3, dense));
    List<PeArraySegment> segments = tiling.segments();
    assertThat(tiling.tiles()).isEqualTo(4);
    assertThat(segments).hasSize(4).allMatch(PeArraySegment::last);
    PeArrayCycleCheck.Outcome outcome =
        javaOnly(rtl, new PeArrayVerilog.LayerStimulus(spikes, CsrMatrix.fromDense(8, 3, dense)));
    assertThat(outcome.modelCycles()).isEqualTo(4 * 3);
    assertThat(outcome.fireFlyCycles()).isEqualTo(12.0);
  }

  /**
   * A direct integrate-and-fire reference: dense sums per step, 16-bit saturating membrane, reset
   * to 0.
   */
  private static boolean[][] referenceSpikes(PeArrayVerilog.LayerStimulus layer, int threshold) {
    SpikeRaster spikes = layer.spikes();
    float[] w = layer.weights().toDense();
    int outputs = layer.weights().cols();
    boolean[][] out = new boolean[spikes.timeSteps()][outputs];
    for (int j = 0; j < outputs; j++) {
      long v = 0;
      for (int t = 0; t < spikes.timeSteps(); t++) {
        long sum = 0;
        for (int i = 0; i < layer.weights().rows(); i++) {
          sum += spikes.get(t, i) ? (long) w[i * outputs + j] : 0;
        }
        v = Math.max(-32768, Math.min(32767, v + sum));
        out[t][j] = v >= threshold;
        if (out[t][j]) {
          v = 0;
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"11", "12", "13"})
  @DisplayName(
      "the array's fire stage gives the spikes of a plain integrate-and-fire layer over the dense sums")
  void firesLikeReferenceLayer(long seed) {
    PeArrayConfig config = new PeArrayConfig(3, 2, 16, 2, 4, 16, 12);
    PeArrayVerilog rtl = new PeArrayVerilog(config);
    PeArrayVerilog.LayerStimulus layer = rtl.randomLayer(new Random(seed), 7, 40, 5, 0.4, 0.5);
    List<PeArraySegment> segments =
        new PeArrayTiling(config, layer.spikes(), layer.weights()).segments();
    PeArrayModel model = new PeArrayModel(config);
    List<boolean[]> tileSpikes = new ArrayList<>();
    for (PeArrayCycle cycle : rtl.drive(segments, new Random(seed), 0.2, 0)) {
      model.step(cycle);
      if (model.done()) {
        boolean[] s = new boolean[config.processingElements()];
        for (int p = 0; p < s.length; p++) {
          s[p] = model.spike(p / config.cols(), p % config.cols());
        }
        tileSpikes.add(s);
      }
    }
    boolean[][] expected = referenceSpikes(layer, config.threshold());
    int steps = layer.spikes().timeSteps();
    int tilesPerBlock = (steps + config.rows() - 1) / config.rows();
    int fired = 0;
    for (int j = 0; j < 5; j++) {
      for (int t = 0; t < steps; t++) {
        boolean[] tile = tileSpikes.get(j / config.cols() * tilesPerBlock + t / config.rows());
        assertThat(tile[(t % config.rows()) * config.cols() + j % config.cols()])
            .as("t=%d j=%d", t, j)
            .isEqualTo(expected[t][j]);
        fired += expected[t][j] ? 1 : 0;
      }
    }
    assertThat(fired).isPositive();
  }

  private static void count(Map<String, Integer> counts, String what, boolean hit) {
    counts.merge(what, hit ? 1 : 0, Integer::sum);
  }

  @Test
  @DisplayName(
      "the random stimuli exercise stalls, held segments, multi-cycle segments, spikes and resets")
  void stimuliCoverTheProtocol() {
    PeArrayVerilog rtl = new PeArrayVerilog(PeArrayConfig.DEFAULT);
    PeArrayConfig config = rtl.config();
    PeArrayModel model = new PeArrayModel(config);
    Map<String, Integer> counts = new TreeMap<>();
    for (PeArrayCycle cycle : rtl.randomStimuli(10_000, 17 + 16)) {
      boolean ready = model.ready();
      count(counts, "segments held while not ready", cycle.valid() && !cycle.reset() && !ready);
      count(counts, "stall cycles within a tile", !cycle.valid() && !cycle.reset() && model.busy());
      count(counts, "multi-cycle fetches and drain/fire cycles", model.busy() && !ready);
      count(counts, "resets", cycle.reset());
      model.step(cycle);
      count(counts, "tiles finished", model.done());
      for (int p = 0; p < config.processingElements(); p++) {
        count(
            counts,
            "spikes fired",
            model.done() && model.spike(p / config.cols(), p % config.cols()));
      }
    }
    Map<String, Integer> minimum =
        Map.of(
            "segments held while not ready",
            100,
            "stall cycles within a tile",
            100,
            "multi-cycle fetches and drain/fire cycles",
            1000,
            "resets",
            5,
            "tiles finished",
            300,
            "spikes fired",
            100);
    assertThat(counts.keySet()).isEqualTo(minimum.keySet());
    minimum.forEach((what, least) -> assertThat(counts.get(what)).as(what).isGreaterThan(least));
  }

  @Test
  @DisplayName("the module carries the configuration's parameters and no unformatted placeholders")
  void moduleCarriesParameters() {
    String module = new PeArrayVerilog(PeArrayConfig.DEFAULT).module();
    assertThat(module)
        .contains("parameter R  = 2,")
        .contains("parameter C  = 4,")
        .contains("parameter W  = 16,")
        .contains("parameter L  = 2,")
        .contains("parameter integer THETA = 24")
        .contains("(p % C)")
        .doesNotContain("%%")
        .doesNotContain("%d");
  }
}
