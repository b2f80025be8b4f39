package org.snncodesign.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("API versions")
class ApiVersionTest {
  @Test
  @DisplayName("the same major with an older or equal minor is accepted")
  void sameMajorAccepted() {
    ApiVersion api = new ApiVersion(1, 2);
    assertThat(api.accepts(new ApiVersion(1, 0))).isTrue();
    assertThat(api.accepts(new ApiVersion(1, 2))).isTrue();
  }

  @Test
  @DisplayName("another major, or a newer minor the API lacks, is refused")
  void otherMajorRefused() {
    ApiVersion api = new ApiVersion(1, 2);
    assertThat(api.accepts(new ApiVersion(2, 0))).isFalse();
    assertThat(api.accepts(new ApiVersion(0, 9))).isFalse();
    assertThat(api.accepts(new ApiVersion(1, 3))).isFalse();
  }

  @Test
  @DisplayName("parse reads major.minor and names bad text")
  void parses() {
    assertThat(ApiVersion.parse("1.4")).isEqualTo(new ApiVersion(1, 4));
    assertThat(ApiVersion.parse("3")).isEqualTo(new ApiVersion(3, 0));
    assertThatThrownBy(() -> ApiVersion.parse("one")).hasMessageContaining("'one'");
  }
}
