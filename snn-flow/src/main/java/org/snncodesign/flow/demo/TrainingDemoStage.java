package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * {@code snn demo} stage: a few seconds of surrogate-gradient training on the embedded digits, with
 * gradient rewiring to 80 % weight sparsity and 4-bit LSQ weights; hands the trained network on
 * under {@link #NETWORK} and the held-out samples under {@link #TEST_SET}.
 */
public final class TrainingDemoStage implements DemoStage {
  /** The trained, sparse, 4-bit network. */
  public static final DemoContext.Key<SpikingNetwork> NETWORK =
      new DemoContext.Key<>("trained-snn", SpikingNetwork.class);

  /** The held-out digits the network was not trained on, scaled to [0, 1]. */
  public static final DemoContext.Key<LabeledDataset> TEST_SET =
      new DemoContext.Key<>("test-set", LabeledDataset.class);

  @Override
  public String name() {
    return "training";
  }

  @Override
  public String description() {
    return "train a "
        + DigitsDemoNetwork.ARCHITECTURE
        + " LIF network on the embedded digits (surrogate "
        + "gradients, Grad R 80 %, LSQ 4-bit)";
  }

  @Override
  public void run(DemoContext context) {
    DigitsDemoNetwork trained = DigitsDemoNetwork.train(context.seed(), context.progress());
    SpikingNetwork network = trained.network();
    ObjectNode results = context.results(this);
    results.put("dataset", "digits");
    results.put("architecture", DigitsDemoNetwork.ARCHITECTURE);
    results.put("timesteps", network.timesteps());
    results.put("test_accuracy", trained.testAccuracy());
    results.put("weight_sparsity", network.weightSparsity());
    results.put("bits", DigitsDemoNetwork.BITS);
    results.put("epochs", DigitsDemoNetwork.EPOCHS);
    results.put("train_seconds", trained.trainSeconds());
    context.put(NETWORK, network);
    context.put(TEST_SET, trained.data().testSet());
  }
}
