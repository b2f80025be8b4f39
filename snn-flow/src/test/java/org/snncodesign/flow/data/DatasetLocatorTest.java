package org.snncodesign.flow.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.plugin.PluginRegistry;

class DatasetLocatorTest {
  private final DatasetLocator locator = new DatasetLocator(PluginRegistry.discover());

  @Test
  @DisplayName("embedded:digits is the uci-digits plugin's embedded set")
  void embedded() throws Exception {
    DatasetLocator.Located located = locator.locate("embedded:digits", null);
    assertThat(located.format()).isEqualTo("uci-digits");
    assertThat(located.dataset().samples()).isPositive();
    assertThat(located.dataset().sampleSize()).isEqualTo(64);
  }

  @Test
  @DisplayName("a file goes to the plugin named, or to the first that accepts it")
  void byPluginName(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("points.csv"), "0.1,0.2,0\n0.3,0.4,1\n0.5,0.6,1\n");
    assertThat(locator.locate(csv.toString(), "csv").dataset().samples()).isEqualTo(3);
    assertThat(locator.locate(csv.toString(), null).format()).isEqualTo("csv");
  }

  @Test
  @DisplayName(
      "a missing path, an unknown plugin and a plugin without an embedded set are refused by name")
  void refusals(@TempDir Path dir) {
    assertThatThrownBy(() -> locator.locate(dir.resolve("gone").toString(), null))
        .hasMessageContaining("gone");
    assertThatThrownBy(() -> locator.locate(dir.toString(), "no-such-format"))
        .hasMessageContaining("no-such-format");
    assertThatThrownBy(() -> locator.locate("embedded:csv", null))
        .hasMessageContaining("no embedded data set");
    assertThatThrownBy(() -> locator.locate("embedded:digits", "foo")).hasMessageContaining("foo");
    assertThatThrownBy(() -> locator.locate("embedded:digits", "csv"))
        .hasMessageContaining("does not apply to embedded:digits");
  }
}
