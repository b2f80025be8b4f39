package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * {@code snn demo} stage: a few seconds of surrogate-gradient training on the embedded digits, with
 * gradient rewiring to 80 % weight sparsity and 4-bit LSQ weights; hands the trained network on
 * under {@link #NETWORK} and the held-out samples under {@link #TEST_SET}.
 */
public final class TrainingDemoStage implements DemoStage<TrainingDemoStage.Figures> {

  /**
   * What was trained and how well it does.
   *
   * @param dataset the data set's name
   * @param architecture the layer sizes, e.g. {@code 64-128-64-10}
   * @param timesteps time steps per inference
   * @param testAccuracy accuracy on the held-out samples
   * @param weightSparsity fraction of zero weights
   * @param bits weight bits
   * @param epochs training epochs
   * @param trainSeconds wall time of the training epochs (varies from run to run)
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Figures(
      String dataset,
      String architecture,
      int timesteps,
      double testAccuracy,
      double weightSparsity,
      int bits,
      int epochs,
      double trainSeconds) {}

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
  public Figures run(DemoContext context) {
    DigitsDemoNetwork trained = DigitsDemoNetwork.train(context.seed(), context.progress());
    SpikingNetwork network = trained.network();
    context.put(NETWORK, network);
    context.put(TEST_SET, trained.data().testSet());
    return new Figures(
        "digits",
        DigitsDemoNetwork.ARCHITECTURE,
        network.timesteps(),
        trained.testAccuracy(),
        network.weightSparsity(),
        DigitsDemoNetwork.BITS,
        DigitsDemoNetwork.EPOCHS,
        trained.trainSeconds());
  }
}
