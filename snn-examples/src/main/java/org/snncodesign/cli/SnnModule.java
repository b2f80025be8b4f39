package org.snncodesign.cli;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.plugin.PluginRegistry;

/**
 * Wires the application layer: discovers plugins once and binds each loaded provider by name in a
 * map per kind ({@code Map<String, NeuronModel>}, {@code Map<String, Accelerator>}, ...). Library
 * code does not need Guice.
 */
public final class SnnModule extends AbstractModule {
  private final PluginRegistry registry;

  public SnnModule() {
    this(PluginRegistry.discover());
  }

  public SnnModule(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void configure() {
    bind(PluginRegistry.class).toInstance(registry);
    bindByName(NeuronModel.class);
    bindByName(SpikeEncoder.class);
    bindByName(LearningRule.class);
    bindByName(Accelerator.class);
    bindByName(DatasetProvider.class);
  }

  private <T extends Plugin> void bindByName(Class<T> contract) {
    MapBinder<String, T> byName = MapBinder.newMapBinder(binder(), String.class, contract);
    for (T provider : registry.providers(contract)) {
      byName.addBinding(provider.name()).toInstance(provider);
    }
  }
}
