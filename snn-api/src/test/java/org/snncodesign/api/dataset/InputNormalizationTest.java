package org.snncodesign.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.InvalidInputException;

class InputNormalizationTest {
  @Test
  @DisplayName("MEAN,STD parses to one channel's mean and standard deviation")
  void parsesOneChannel() {
    InputNormalization n = InputNormalization.parse("0.1307,0.3081", 255f);

    assertThat(n.mean()).containsExactly(0.1307f);
    assertThat(n.std()).containsExactly(0.3081f);
    assertThat(n.pixelScale()).isEqualTo(255f);
  }

  @Test
  @DisplayName("Six numbers are three channels' means followed by their standard deviations")
  void parsesThreeChannels() {
    InputNormalization n = InputNormalization.parse("0.485,0.456,0.406,0.229,0.224,0.225", 255f);

    assertThat(n.mean()).containsExactly(0.485f, 0.456f, 0.406f);
    assertThat(n.std()).containsExactly(0.229f, 0.224f, 0.225f);
  }

  @Test
  @DisplayName("An odd count of numbers is refused naming the text")
  void refusesOddCount() {
    assertThatThrownBy(() -> InputNormalization.parse("0.1,0.2,0.3", 255f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'0.1,0.2,0.3'");
  }

  @Test
  @DisplayName("A zero standard deviation is refused")
  void refusesZeroStd() {
    assertThatThrownBy(() -> InputNormalization.parse("0.5,0", 255f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("standard deviation 0");
  }

  @Test
  @DisplayName(
      "Applying computes (x - mean) / std per channel block in float, as torchvision's Normalize does")
  void appliesPerChannel() {
    InputNormalization n =
        InputNormalization.of(new float[] {0.5f, 0.25f}, new float[] {0.5f, 0.25f});
    float[] x = {9f, 1f, 0f, 0.5f, 1f, 9f};

    n.apply(x, 1, 4, 2);

    assertThat(x).containsExactly(9f, 1f, -1f, 1f, 3f, 9f);
  }

  @Test
  @DisplayName("A normalisation given for three channels is refused for a one-channel input")
  void refusesChannelMismatch() {
    InputNormalization n = InputNormalization.parse("0.485,0.456,0.406,0.229,0.224,0.225", 255f);

    assertThatThrownBy(() -> n.checkChannels(1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("3 channels")
        .hasMessageContaining("1 channels");
  }

  @Test
  @DisplayName("Pixels / 255 alone is the identity normalisation, equal by value to a parsed 0,1")
  void identity() {
    assertThat(InputNormalization.PIXELS.normalizes()).isFalse();
    assertThat(InputNormalization.parse("0,1", 255f)).isEqualTo(InputNormalization.PIXELS);
    assertThat(InputNormalization.parse("0.1307,0.3081", 255f).normalizes()).isTrue();
  }
}
