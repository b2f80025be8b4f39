package org.snncodesign.fpga;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.plugin.PluginRegistry;

class PluginDiscoveryTest {

  @Test
  @DisplayName("both accelerator models are found by ServiceLoader under their short names")
  void discovered() {
    PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());
    assertThat(registry.providers(Accelerator.class))
        .extracting(Plugin::name)
        .contains("spikex-systolic", "firefly-s");
    assertThat(registry.problems()).isEmpty();
  }
}
