package org.snncodesign.fpga.verilog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitmapPeVerilogTest {
  private static final Pattern RESULT = Pattern.compile("RESULT vectors=(\\d+) errors=(\\d+)");

  private static int[] result(String output) {
    Matcher m = RESULT.matcher(output);
    assertThat(m.find()).as("simulation output has a RESULT line:%n%s", output).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  @ParameterizedTest(name = "W={0}, WB={1}, AB={2}")
  @CsvSource({"16, 4, 16", "8, 4, 8", "64, 4, 16", "32, 8, 24"})
  @DisplayName(
      "the generated PE agrees bit-exactly with the Java model on 10,000 random cycles in Icarus Verilog")
  void bitExactInIcarus(int width, int valueBits, int accBits, @TempDir Path dir)
      throws IOException {
    assumeTrue(
        IcarusSimulator.available(),
        "Icarus Verilog (iverilog, vvp) is not installed; install with apt-get install -y iverilog");
    BitmapPeVerilog rtl = new BitmapPeVerilog(width, valueBits, accBits);
    List<PeStimulus> stimuli = rtl.randomStimuli(10_000, 42 + width);
    rtl.writeTo(dir, stimuli);
    String output =
        new IcarusSimulator(dir).run("bitmap_pe_tb", List.of("bitmap_pe.v", "bitmap_pe_tb.v"));
    assertThat(result(output)).containsExactly(10_000, 0);
  }

  @Test
  @DisplayName("the testbench catches a wrong expected value (the check can fail)")
  void testbenchDetectsMismatch(@TempDir Path dir) throws IOException {
    assumeTrue(
        IcarusSimulator.available(),
        "Icarus Verilog (iverilog, vvp) is not installed; install with apt-get install -y iverilog");
    BitmapPeVerilog rtl = new BitmapPeVerilog(16, 4, 16);
    List<PeStimulus> stimuli = rtl.randomStimuli(200, 3);
    rtl.writeTo(dir, stimuli);
    Path expected = dir.resolve("expected.hex");
    List<String> lines = Files.readAllLines(expected);
    long wrong = (Long.parseLong(lines.get(100), 16) + 1) & 0xFFFF;
    lines.set(100, Long.toHexString(wrong));
    Files.write(expected, lines);
    String output =
        new IcarusSimulator(dir).run("bitmap_pe_tb", List.of("bitmap_pe.v", "bitmap_pe_tb.v"));
    assertThat(result(output)).containsExactly(200, 1);
    assertThat(output).contains("MISMATCH vector=100");
  }

  @Test
  @DisplayName("the Java model wraps the accumulator at AB bits like the register")
  void modelWraps() {
    BitmapPeModel model = new BitmapPeModel(8, 4, 8);
    int[] values = {7, 7, 7, 7, 7, 7, 7, 7};
    PeStimulus all = new PeStimulus(false, false, true, 0xFF, 0xFF, values);
    model.step(new PeStimulus(true, false, false, 0, 0, values));
    assertThat(model.step(all)).isEqualTo(56);
    assertThat(model.step(all)).isEqualTo(112);
    assertThat(model.step(all)).isEqualTo(168 - 256);
  }

  @Test
  @DisplayName(
      "packed values are selected by the popcount of the weight bitmap below the matched position")
  void popcountIndexing() {
    BitmapPeModel model = new BitmapPeModel(8, 4, 16);
    // Weights at positions 1, 4, 6 hold packed values 3, -2, 5; spikes at 4 and 6 match the 2nd and
    // 3rd.
    int[] values = {3, -2, 5, 1, 1, 1, 1, 1};
    PeStimulus in = new PeStimulus(false, true, true, 0b0101_0000, 0b0101_0010, values);
    assertThat(model.segmentSum(in)).isEqualTo(3);
  }
}
