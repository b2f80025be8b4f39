package org.snncodesign.cli.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.cli.CommandOutput;

class HwVerilogCommandTest {

  @Test
  @DisplayName("hw verilog --json writes the RTL and testbench files")
  void verilog(@TempDir Path dir) throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwVerilogCommand(), "--out", dir.toString(), "--vectors", "500", "--json");
    assertThat(json.get("files")).hasSize(4);
    assertThat(dir.resolve("bitmap_pe.v")).exists();
    if (json.get("simulated").asBoolean()) {
      assertThat(json.get("mismatches").asInt()).isZero();
    }
  }

  @Test
  @DisplayName(
      "hw verilog --block pe-array writes the array and checks its cycles against the firefly-s model")
  void peArray(@TempDir Path dir) throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwVerilogCommand(),
            "--out",
            dir.toString(),
            "--block",
            "pe-array",
            "--rows",
            "2",
            "--cols",
            "3",
            "--width",
            "8",
            "--lanes",
            "1",
            "--vectors",
            "800",
            "--json");
    assertThat(json.get("module").asText()).isEqualTo("bitmap_pe_array");
    assertThat(json.get("config").get("cols").asInt()).isEqualTo(3);
    assertThat(dir.resolve("bitmap_pe_array.v")).exists();
    assertThat(dir.resolve("expected.hex")).exists();
    JsonNode check = json.get("cycle_check");
    // 10 outputs in blocks of 3 (4 blocks) x 8 steps in tiles of 2 (4 tiles).
    assertThat(check.get("tiles").asInt()).isEqualTo(16);
    assertThat(check.get("model_cycles").asDouble())
        .isEqualTo(check.get("firefly_compute_cycles").asDouble());
    assertThat(check.get("cycles_agree").asBoolean()).isTrue();
    if (json.get("simulated").asBoolean()) {
      assertThat(json.get("mismatches").asInt()).isZero();
      assertThat(check.get("rtl_cycles").asInt()).isEqualTo(check.get("model_cycles").asInt());
      assertThat(check.get("mismatches").asInt()).isZero();
      assertThat(dir.resolve("layer-check").resolve("bitmap_pe_array_tb.v")).exists();
    }
  }

  @Test
  @DisplayName(
      "hw verilog --block all writes the PE, the LUT-leak LIF core and the PE array, each bit-exact when "
          + "simulated")
  void verilogAllBlocks(@TempDir Path dir) throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwVerilogCommand(),
            "--out",
            dir.toString(),
            "--block",
            "all",
            "--vectors",
            "500",
            "--json");
    assertThat(json.get("blocks")).hasSize(3);
    assertThat(json.get("blocks").get(1).get("module").asText()).isEqualTo("lut_lif");
    assertThat(json.get("blocks").get(2).get("module").asText()).isEqualTo("bitmap_pe_array");
    assertThat(dir.resolve("bitmap_pe").resolve("bitmap_pe.v")).exists();
    assertThat(dir.resolve("lut_lif").resolve("lut_lif.v")).exists();
    assertThat(dir.resolve("lut_lif").resolve("expected.hex")).exists();
    assertThat(dir.resolve("bitmap_pe_array").resolve("bitmap_pe_array.v")).exists();
    if (json.get("simulated").asBoolean()) {
      assertThat(json.get("mismatches").asInt()).isZero();
      assertThat(json.get("blocks").get(1).get("mismatches").asInt()).isZero();
      assertThat(json.get("blocks").get(2).get("mismatches").asInt()).isZero();
      assertThat(json.get("blocks").get(2).get("cycle_check").get("cycles_agree").asBoolean())
          .isTrue();
    }
  }
}
