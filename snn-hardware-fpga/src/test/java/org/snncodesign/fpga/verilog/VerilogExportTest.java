package org.snncodesign.fpga.verilog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.fpga.lsm.LutLsmConfig;

class VerilogExportTest {

  @Test
  @DisplayName(
      "without simulation an export writes the module, its testbench and hex files, and passes")
  void writesFiles(@TempDir Path dir) throws IOException {
    VerilogExport.Outcome outcome = VerilogExport.bitmapPe(16, 4, 16).writeTo(dir, 50, 1, false);
    assertThat(outcome.module()).isEqualTo(BitmapPeVerilog.MODULE);
    assertThat(outcome.files()).isNotEmpty().allSatisfy(f -> assertThat(f).exists());
    assertThat(outcome.files().get(0).getFileName()).hasToString(BitmapPeVerilog.MODULE + ".v");
    assertThat(outcome.simulation()).isEmpty();
    assertThat(outcome.cycleCheck()).isEmpty();
    assertThat(outcome.config()).isEmpty();
    assertThat(outcome.mismatches()).isZero();
    assertThat(outcome.passed()).isTrue();
  }

  @Test
  @DisplayName(
      "the PE array's export carries its configuration and a cycle check that agrees with firefly-s")
  void peArrayCycleCheck(@TempDir Path dir) throws IOException {
    VerilogExport.Outcome outcome =
        VerilogExport.peArray(PeArrayConfig.DEFAULT).writeTo(dir, 50, 2, false);
    assertThat(outcome.config()).contains(PeArrayConfig.DEFAULT);
    assertThat(outcome.cycleCheck())
        .get()
        .satisfies(check -> assertThat(check.cyclesAgree()).isTrue());
    assertThat(outcome.passed()).isTrue();
  }

  @Test
  @DisplayName(
      "several exports go into a sub-folder each, named after the module, and sum their mismatches")
  void writeAll(@TempDir Path dir) throws IOException {
    VerilogExport.Summary summary =
        VerilogExport.writeAll(
            List.of(VerilogExport.bitmapPe(16, 4, 16), VerilogExport.lutLif(LutLsmConfig.DEFAULT)),
            dir,
            50,
            1,
            false);
    assertThat(summary.outcomes())
        .extracting(VerilogExport.Outcome::dir)
        .containsExactly(
            dir.resolve(BitmapPeVerilog.MODULE),
            dir.resolve(VerilogExport.lutLif(LutLsmConfig.DEFAULT).module()));
    assertThat(summary.mismatches()).isZero();
    assertThat(summary.passed()).isTrue();
  }

  @Test
  @DisplayName(
      "the mismatches of several simulated exports add up, and one that is not bit-exact fails them all")
  void summaryTotals(@TempDir Path dir) {
    VerilogExport.Outcome exact = outcome(dir, new SimulationResult(100, 0));
    VerilogExport.Outcome off = outcome(dir, new SimulationResult(100, 3));
    VerilogExport.Summary summary = new VerilogExport.Summary(List.of(exact, off, off));
    assertThat(summary.mismatches()).isEqualTo(6);
    assertThat(summary.passed()).isFalse();
    assertThat(new VerilogExport.Summary(List.of(exact)).passed()).isTrue();
  }

  private static VerilogExport.Outcome outcome(Path dir, SimulationResult simulation) {
    return new VerilogExport.Outcome(
        "m", dir, List.of(), Optional.empty(), Optional.empty(), Optional.of(simulation));
  }

  @Test
  @DisplayName("simulated in Icarus, the LUT-leak LIF core is bit-exact with the Java model")
  void lutLifBitExact(@TempDir Path dir) throws IOException {
    assumeTrue(IcarusSimulator.available(), "Icarus Verilog (iverilog, vvp) is not installed");
    VerilogExport.Outcome outcome =
        VerilogExport.lutLif(LutLsmConfig.DEFAULT).writeTo(dir, 200, 3, true);
    assertThat(outcome.simulation()).get().isEqualTo(new SimulationResult(200, 0));
    assertThat(outcome.passed()).isTrue();
  }
}
