package org.snncodesign.flow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.plugin.PluginKind;
import org.snncodesign.api.plugin.PluginRegistry;

class PluginCheckStageTest {

  @Test
  @DisplayName(
      "the plugin stage reports one count per plugin kind under the kind's label, in the kinds' order")
  void oneCountPerKind() {
    PluginRegistry plugins = PluginRegistry.discover();
    PluginCheckStage.Figures figures = PluginCheckStage.Figures.of(plugins);
    JsonNode json = new ObjectMapper().valueToTree(figures);

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyElementsOf(
            Arrays.stream(PluginKind.values()).map(PluginKind::label).toList());
    for (PluginKind kind : PluginKind.values()) {
      assertThat(json.get(kind.label()).asLong())
          .as(kind.label())
          .isEqualTo(figures.loaded(kind))
          .isEqualTo(plugins.all().stream().filter(d -> d.kind() == kind && d.loaded()).count());
    }
  }
}
