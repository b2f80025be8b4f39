package org.snncodesign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.neuron.NeuronModel;

@DisplayName("Guice wiring of plugins")
class SnnModuleTest {
  @Test
  @DisplayName("each loaded provider is bound by name in its kind's map")
  void bindsProvidersByName() {
    Injector injector = Guice.createInjector(new SnnModule());

    Map<String, Accelerator> accelerators =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, Accelerator>>() {}));
    Map<String, NeuronModel> neurons =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, NeuronModel>>() {}));

    assertThat(accelerators).containsKey("test-fixture");
    assertThat(accelerators.get("test-fixture")).isInstanceOf(FixtureAccelerator.class);
    assertThat(neurons).isNotNull();
  }
}
