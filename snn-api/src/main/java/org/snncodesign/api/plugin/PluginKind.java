package org.snncodesign.api.plugin;

import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.learning.LearningRule;
import org.snncodesign.api.neuron.NeuronModel;

/**
 * The kinds of plugin, each a contract interface looked up with {@link java.util.ServiceLoader}.
 */
public enum PluginKind {
  NEURON_MODEL("neuron-model", NeuronModel.class),
  CODING("coding", SpikeEncoder.class),
  LEARNING_RULE("learning-rule", LearningRule.class),
  ACCELERATOR("accelerator", Accelerator.class),
  DATASET("dataset", DatasetProvider.class);

  private final String label;
  private final Class<? extends Plugin> contract;

  PluginKind(String label, Class<? extends Plugin> contract) {
    this.label = label;
    this.contract = contract;
  }

  /** Lower-case label used in tables and JSON, e.g. {@code "neuron-model"}. */
  public String label() {
    return label;
  }

  /** The service interface whose providers are of this kind. */
  public Class<? extends Plugin> contract() {
    return contract;
  }
}
