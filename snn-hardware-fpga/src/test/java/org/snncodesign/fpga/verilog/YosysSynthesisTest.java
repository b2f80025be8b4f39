package org.snncodesign.fpga.verilog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.fpga.lsm.LutLsmConfig;
import org.snncodesign.fpga.resources.FpgaResources;

class YosysSynthesisTest {

  @Test
  @DisplayName("stat -json cell counts are read as LUT, FF, BRAM and DSP")
  void parsesStat() {
    String json =
        "{\"modules\": {}, \"design\": {\"num_cells_by_type\": {\"CARRY4\": 3, \"FDRE\": 16, "
            + "\"LUT2\": 10, \"LUT6\": 5, \"RAMB18E1\": 3, \"DSP48E1\": 2}}}";
    assertThat(YosysSynthesis.parseStat(json)).isEqualTo(new FpgaResources(15, 16, 2, 2));
  }

  @Test
  @DisplayName("Yosys synthesis of the 8-bit PE lands within 2x of the cost table's estimate")
  void costTableAgreesWithSynthesis(@TempDir Path dir) throws IOException {
    assumeTrue(
        YosysSynthesis.available(),
        "Yosys is not installed; install with apt-get install -y yosys");
    Files.writeString(dir.resolve("pe.v"), new BitmapPeVerilog(8, 4, 16).module());
    FpgaResources synthesized = YosysSynthesis.synthesize(dir, "pe.v", BitmapPeVerilog.MODULE);
    // The RTL adds every match of a segment in one cycle: a PE with lanes = W and fabric
    // accumulators.
    FpgaResources estimate =
        new FireFlySArray(FireFlyConfig.DEFAULT.withDetector(8, 8).withDspAccumulate(false))
            .peResources();
    assertThat(synthesized.lut()).isBetween(estimate.lut() / 2, estimate.lut() * 2);
    assertThat(synthesized.ff()).isPositive();
  }

  @Test
  @DisplayName(
      "Yosys maps the lut-lsm LIF core to logic with exactly its state registers as flip-flops")
  void lifCoreSynthesizes(@TempDir Path dir) throws IOException {
    assumeTrue(
        YosysSynthesis.available(),
        "Yosys is not installed; install with apt-get install -y yosys");
    LutLifVerilog rtl = LutLifVerilog.of(LutLsmConfig.DEFAULT);
    Files.writeString(dir.resolve("lif.v"), rtl.module());
    FpgaResources synthesized = YosysSynthesis.synthesize(dir, "lif.v", LutLifVerilog.MODULE);
    // spike + v, ie, ii (18 bits each) + a 1-bit refractory counter (2 refractory steps); the ROMs
    // stay in fabric.
    assertThat(synthesized.ff()).isEqualTo(1 + 3 * 18 + 1);
    assertThat(synthesized.lut()).isPositive();
    assertThat(synthesized.bram36()).isZero();
  }

  @Test
  @DisplayName(
      "Yosys maps the PE array to exactly its documented registers; the cost table's LUTs are a lower bound "
          + "within 4x")
  void peArrayAgainstCostTable(@TempDir Path dir) throws IOException {
    assumeTrue(
        YosysSynthesis.available(),
        "Yosys is not installed; install with apt-get install -y yosys");
    PeArrayVerilog rtl = new PeArrayVerilog(new PeArrayConfig(1, 2, 8, 2, 4, 16, 24));
    Files.writeString(dir.resolve("array.v"), rtl.module());
    FpgaResources synthesized = YosysSynthesis.synthesize(dir, "array.v", PeArrayVerilog.MODULE);
    // The same firefly-s design point (fabric accumulators, as in the RTL): PE fabric times PEs, no
    // buffers.
    FpgaResources table =
        new FireFlySArray(rtl.config().fireFly())
            .peResources()
            .times(rtl.config().processingElements());
    assertThat(synthesized.ff())
        .isEqualTo(rtl.registerBits())
        .isEqualTo(2 * (8 + 32 + 1) + 2 * (8 + 32 + 16) + 4);
    assertThat(synthesized.lut()).isBetween(table.lut(), 4 * table.lut());
    assertThat(synthesized.dsp()).isZero();
    assertThat(synthesized.bram36()).isZero();
  }
}
