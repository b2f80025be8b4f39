package org.snncodesign.cli.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.CommandOutput;
import org.snncodesign.fpga.firefly.FireFlyEfficiency;

class HwEvaluateCommandTest {

  @Test
  @DisplayName(
      "hw estimate on the default digits network prices every layer on every plugin, lut-lsm included, "
          + "and puts firefly-s next to the published FPS/W")
  void everyPluginOnTheDefaultNetwork() throws Exception {
    JsonNode json = CommandOutput.json(new HwEvaluateCommand(PluginRegistry.discover()), "--json");
    // 64-128-64-10: the analog first layer as bit planes plus two spike-driven layers.
    assertThat(json.get("layers").asInt()).isEqualTo(3);
    assertThat(json.get("first_layer").asText()).contains("bit planes");
    List<String> names = new ArrayList<>();
    for (JsonNode report : json.get("reports")) {
      assertThat(report.has("error")).as(report.toString()).isFalse();
      if (!report.get("declined").asBoolean()) {
        assertThat(report.get("cycles").asLong())
            .as(report.get("accelerator").asText())
            .isPositive();
      }
      names.add(report.get("accelerator").asText() + " " + report.get("design_point").asText());
    }
    assertThat(names)
        .contains(
            "firefly-s default",
            "firefly-s co-searched",
            "spikex-systolic default",
            "spikex-systolic co-searched",
            "cpu-gustavson default")
        .doesNotContain("cpu-gustavson co-searched");
    // A feed-forward MLP is not a liquid: lut-lsm declines it and says why.
    JsonNode lsm = json.get("reports").get(names.indexOf("lut-lsm default"));
    assertThat(lsm.get("declined").asBoolean()).isTrue();
    assertThat(lsm.get("assumption").asText()).contains("no recurrent layer");

    JsonNode comparison = json.get("firefly_s_vs_published");
    assertThat(comparison.get("published_fps_per_watt").asDouble())
        .isEqualTo(FireFlyEfficiency.PUBLISHED_FPS_PER_WATT);
    List<String> keys = new ArrayList<>();
    comparison.get("steps").forEach(s -> keys.add(s.get("key").asText()));
    assertThat(keys)
        .containsExactly(
            "spike_layers_asic",
            "full_network_asic",
            "dynamic_only_asic",
            "dynamic_only_fpga",
            "fpga_with_static");
    JsonNode full = comparison.get("steps").get(1);
    JsonNode fireFly = json.get("reports").get(names.indexOf("firefly-s default"));
    assertThat(full.get("fps_per_watt").asDouble())
        .isEqualTo(fireFly.get("counters").get("fps_per_watt").asDouble());
    // Pricing the first layer costs energy: the whole network is less efficient than its
    // spike-driven part.
    assertThat(full.get("fps_per_watt").asDouble())
        .isLessThan(comparison.get("steps").get(0).get("fps_per_watt").asDouble());
  }

  @Test
  @DisplayName(
      "--static-power-w and --clock-hz set the firefly-s design; the synthetic workload has no analog "
          + "layer to compare")
  void powerBasisOptions() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwEvaluateCommand(PluginRegistry.discover()),
            "--model",
            "firefly-s",
            "--synthetic",
            "--steps",
            "4",
            "--static-power-w",
            "1.5",
            "--clock-hz",
            "100e6",
            "--json");
    JsonNode report = json.get("reports").get(0);
    assertThat(report.get("configuration").get("static_power_w").asText()).isEqualTo("1.5");
    assertThat(report.get("clock_hz").asDouble()).isEqualTo(100e6);
    JsonNode steps = json.get("firefly_s_vs_published").get("steps");
    assertThat(steps.get(0).get("key").asText()).isEqualTo("full_network_asic");
    JsonNode last = steps.get(steps.size() - 1);
    assertThat(last.get("key").asText()).isEqualTo("fpga_with_static_at_clock");
    assertThat(last.get("static_w").asDouble()).isEqualTo(1.5);
  }

  @Test
  @DisplayName(
      "--first-layer excluded prices only the spike-driven layers, and a bad value is refused")
  void firstLayerExcluded() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwEvaluateCommand(PluginRegistry.discover()),
            "--model",
            "lut-lsm",
            "--first-layer",
            "excluded",
            "--json");
    assertThat(json.get("layers").asInt()).isEqualTo(2);
    assertThat(json.has("firefly_s_vs_published")).isFalse();
    CommandOutput bad =
        CommandOutput.of(
            new HwEvaluateCommand(PluginRegistry.discover()),
            "--first-layer",
            "sideways",
            "--synthetic",
            "--json");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("sideways");
  }

  @Test
  @DisplayName(
      "--backend takes the short name spikex, and an unknown name fails before any network is trained")
  void backendNames() throws Exception {
    JsonNode json =
        CommandOutput.json(
            new HwEvaluateCommand(PluginRegistry.discover()),
            "--backend",
            "spikex",
            "--synthetic",
            "--steps",
            "2",
            "--json");
    assertThat(json.get("reports").get(0).get("accelerator").asText()).isEqualTo("spikex-systolic");
    CommandOutput unknown =
        CommandOutput.of(
            new HwEvaluateCommand(PluginRegistry.discover()), "--backend", "tpu-v9", "--json");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err())
        .contains("tpu-v9")
        .contains("spikex-systolic")
        .doesNotContain("training");
  }
}
