package org.snncodesign.fpga.firefly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SparsityDetectorTest {

  @Test
  @DisplayName(
      "the matched sum equals the dense dot product of spikes and weights, for 10,000 random segments")
  void matchedSumIsDenseDotProduct() {
    Random random = new Random(1);
    for (int trial = 0; trial < 10_000; trial++) {
      int width = 1 << (3 + random.nextInt(4));
      int[] dense = new int[width];
      long weightBits = 0;
      long spikeBits = 0;
      int[] packed = new int[width];
      int n = 0;
      for (int k = 0; k < width; k++) {
        if (random.nextInt(3) == 0) {
          dense[k] = random.nextInt(15) - 7;
        }
        if (dense[k] != 0) {
          weightBits |= 1L << k;
          packed[n++] = dense[k];
        }
        if (random.nextBoolean()) {
          spikeBits |= 1L << k;
        }
      }
      long expected = 0;
      for (int k = 0; k < width; k++) {
        if ((spikeBits >>> k & 1) != 0) {
          expected += dense[k];
        }
      }
      assertThat(SparsityDetector.matchedSum(spikeBits, weightBits, packed)).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("segments are cut from words low bit first")
  void segments() {
    long[] words = {0x0123_4567_89AB_CDEFL, 0xFFL};
    assertThat(SparsityDetector.segment(words, 0, 0, 8)).isEqualTo(0xEF);
    assertThat(SparsityDetector.segment(words, 0, 7, 8)).isEqualTo(0x01);
    assertThat(SparsityDetector.segment(words, 0, 4, 16)).isEqualTo(0xFF);
    assertThat(SparsityDetector.segment(words, 1, 0, 64)).isEqualTo(0xFF);
  }

  @Test
  @DisplayName("a detector width that does not divide 64 is refused")
  void badWidth() {
    assertThatThrownBy(() -> SparsityDetector.checkWidth(12)).hasMessageContaining("got 12");
  }
}
