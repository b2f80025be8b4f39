package org.snncodesign.fpga.verilog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.fpga.lsm.LutLsmConfig;

class LutLifVerilogTest {
  private static final List<String> SOURCES = List.of("lut_lif.v", "lut_lif_tb.v");

  /**
   * 12-bit state, 4-bit weights, 32-entry LUTs, gain 3/16, 3 refractory steps: a second shape of
   * every width.
   */
  private static final LutLsmConfig SMALL =
      new LutLsmConfig(4, 12, 5, 10, 2, 4, 4, 3, 3, 1, 1, 100e6);

  private static void assumeIcarus() {
    assumeTrue(
        IcarusSimulator.available(),
        "Icarus Verilog (iverilog, vvp) is not installed; install with apt-get install -y iverilog");
  }

  @Test
  @DisplayName(
      "the generated lut-lsm LIF core agrees bit-exactly with the Java model on 10,000 random cycles")
  void bitExactDefault(@TempDir Path dir) throws IOException {
    assumeIcarus();
    LutLifVerilog rtl = LutLifVerilog.of(LutLsmConfig.DEFAULT);
    rtl.writeTo(dir, rtl.randomStimuli(10_000, 7));
    SimulationResult result =
        SimulationResult.parse(new IcarusSimulator(dir).run("lut_lif_tb", SOURCES));
    assertThat(result).isEqualTo(new SimulationResult(10_000, 0));
  }

  @Test
  @DisplayName(
      "a second shape (12-bit state, narrower 11-bit input ports, 3 refractory steps) is bit-exact too")
  void bitExactSmall(@TempDir Path dir) throws IOException {
    assumeIcarus();
    LutLifVerilog rtl = new LutLifVerilog(LutLifVerilog.of(SMALL).liquid(), 11);
    rtl.writeTo(dir, rtl.randomStimuli(10_000, 11));
    SimulationResult result =
        SimulationResult.parse(new IcarusSimulator(dir).run("lut_lif_tb", SOURCES));
    assertThat(result).isEqualTo(new SimulationResult(10_000, 0));
  }

  @Test
  @DisplayName("the testbench catches a wrong expected value (the check can fail)")
  void testbenchDetectsMismatch(@TempDir Path dir) throws IOException {
    assumeIcarus();
    LutLifVerilog rtl = LutLifVerilog.of(LutLsmConfig.DEFAULT);
    rtl.writeTo(dir, rtl.randomStimuli(300, 5));
    Path expected = dir.resolve("expected.hex");
    List<String> lines = Files.readAllLines(expected);
    // Flip the lowest bit of ii (the last field) in vector 150.
    lines.set(150, Long.toHexString(Long.parseLong(lines.get(150), 16) ^ 1));
    Files.write(expected, lines);
    String output = new IcarusSimulator(dir).run("lut_lif_tb", SOURCES);
    assertThat(SimulationResult.parse(output)).isEqualTo(new SimulationResult(300, 1));
    assertThat(output).contains("MISMATCH vector=150");
  }

  @Test
  @DisplayName(
      "the random stimuli exercise spikes, refractory holds, saturation and negative potentials")
  void stimuliCoverTheDynamics() {
    for (LutLifVerilog rtl :
        List.of(
            LutLifVerilog.of(LutLsmConfig.DEFAULT),
            new LutLifVerilog(LutLifVerilog.of(SMALL).liquid(), 11))) {
      LutLifModel model = new LutLifModel(rtl.liquid());
      long maxState = (1L << (rtl.liquid().config().stateBits() - 1)) - 1;
      int spikes = 0;
      int holds = 0;
      int saturated = 0;
      int negative = 0;
      for (LifStimulus s : rtl.randomStimuli(10_000, 7)) {
        model.step(s);
        spikes += model.spike() ? 1 : 0;
        holds += model.refractory() > 0 ? 1 : 0;
        saturated +=
            Math.abs(model.excitatoryCurrent()) >= maxState
                    || Math.abs(model.inhibitoryCurrent()) >= maxState
                ? 1
                : 0;
        negative += model.potential() < 0 ? 1 : 0;
      }
      String shape = "SB=" + rtl.liquid().config().stateBits() + " IB=" + rtl.inputBits() + ": ";
      assertThat(spikes).as(shape + "spikes").isGreaterThan(100);
      assertThat(holds).as(shape + "refractory cycles").isGreaterThan(100);
      assertThat(saturated).as(shape + "saturated cycles").isGreaterThan(10);
      assertThat(negative).as(shape + "negative potentials").isGreaterThan(10);
    }
  }

  @Test
  @DisplayName("the exported LUTs are the Java model's and the module carries its threshold")
  void moduleCarriesModelConstants() {
    LutLifVerilog rtl = LutLifVerilog.of(LutLsmConfig.DEFAULT);
    String module = rtl.module();
    int[] lut = rtl.liquid().membraneLut();
    assertThat(rtl.liquid().threshold()).isEqualTo(127);
    assertThat(module)
        .contains("THETA = 127")
        .contains("7'd1: lut_m = ")
        .containsPattern("7'd127: lut_m = \\d+'d" + lut[127] + ";")
        .doesNotContain("%");
  }
}
