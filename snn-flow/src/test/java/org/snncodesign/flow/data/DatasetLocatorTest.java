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
      "a file named with the word train takes the sibling named test as its test part, classes"
          + " matched by name")
  void testPartBeside(@TempDir Path dir) throws Exception {
    Path train =
        Files.writeString(dir.resolve("points-train.csv"), "0.1,0.2,a\n0.3,0.4,b\n0.5,0.6,b\n");
    Files.writeString(dir.resolve("points-test.csv"), "0.7,0.8,b\n");
    DatasetLocator.Parts parts = locator.locateParts(train, "csv");
    assertThat(parts.train().samples()).isEqualTo(3);
    assertThat(parts.test()).isPresent();
    // The test file knows only class b, its class 0; it is the training part's class 1.
    assertThat(parts.test().get().labels()).containsExactly(1);
    assertThat(parts.test().get().classNames()).isEqualTo(parts.train().classNames());
    assertThat(locator.locateParts(dir.resolve("points-test.csv"), "csv").test()).isEmpty();
    assertThat(DatasetLocator.testPartOf(dir.resolve("retrain.csv"))).isEmpty();
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
    assertThatThrownBy(() -> locator.named("no-such-set", dir, "digits"))
        .hasMessageStartingWith(
            "unknown data set 'no-such-set': expected digits or a data-set plugin [")
        .hasMessageContaining("csv");
    assertThatThrownBy(() -> locator.named("csv", null, "digits"))
        .hasMessageContaining("needs the file or folder it reads");
  }
}
