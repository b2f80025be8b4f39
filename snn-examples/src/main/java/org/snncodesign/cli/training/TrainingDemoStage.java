package org.snncodesign.cli.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.cli.demo.DemoContext;
import org.snncodesign.cli.demo.DemoStage;
import org.snncodesign.learning.quantization.LsqQuantizer;
import org.snncodesign.learning.rewiring.GradientRewiring;
import org.snncodesign.learning.rewiring.SparsitySchedule;
import org.snncodesign.learning.surrogate.EpochResult;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SurrogateGradientTrainer;
import org.snncodesign.learning.surrogate.TrainingOptions;

/**
 * {@code snn demo} stage: a few seconds of surrogate-gradient training on the embedded digits, with gradient
 * rewiring to 80 % weight sparsity and 4-bit LSQ weights; hands the trained network on under {@link #NETWORK} and
 * the held-out samples under {@link #TEST_SET}.
 */
public final class TrainingDemoStage implements DemoStage {
  /** The trained, sparse, 4-bit network. */
  public static final DemoContext.Key<SpikingNetwork> NETWORK =
      new DemoContext.Key<>("trained-snn", SpikingNetwork.class);

  /** The held-out digits the network was not trained on, scaled to [0, 1]. */
  public static final DemoContext.Key<LabeledDataset> TEST_SET =
      new DemoContext.Key<>("test-set", LabeledDataset.class);

  private static final int EPOCHS = 8;
  private static final int[] ARCHITECTURE = {64, 128, 64, 10};

  @Override
  public String name() {
    return "training";
  }

  @Override
  public String description() {
    return "train a 64-128-64-10 LIF network on the embedded digits (surrogate gradients, Grad R 80 %, LSQ 4-bit)";
  }

  @Override
  public void run(DemoContext context) {
    TrainingData data = TrainingData.digits(context.seed());
    SpikingNetwork network = SpikingNetwork.initialise(ARCHITECTURE, 4, 0.9f, 1f, ResetMode.SUBTRACT,
        Readout.MEMBRANE, context.seed());
    long stepsPerEpoch = (data.trainLabels().length + 31) / 32;
    TrainingOptions options = TrainingOptions.builder().learningRate(5e-3f).batchSize(32).seed(context.seed())
        .cosineEpochs(EPOCHS).build();
    GradientRewiring rewiring = new GradientRewiring(new SparsitySchedule(0.8, stepsPerEpoch, 2 * stepsPerEpoch));
    double seconds = 0;
    double accuracy;
    try (SurrogateGradientTrainer trainer = new SurrogateGradientTrainer(network, options,
        List.of(rewiring, new LsqQuantizer(4)))) {
      for (int epoch = 0; epoch < EPOCHS; epoch++) {
        EpochResult result = trainer.trainEpoch(data.trainFeatures(), data.trainLabels(), epoch);
        seconds += result.seconds();
        context.progress().printf("  epoch %d: loss %.3f, train %.1f %%, sparsity %.1f %%%n", epoch + 1,
            result.loss(), 100 * result.trainAccuracy(), 100 * result.weightSparsity());
      }
      accuracy = trainer.evaluate(data.testFeatures(), data.testLabels()).accuracy();
    }
    context.progress().printf("  test accuracy %.1f %%, weight sparsity %.1f %%, 4-bit%n", 100 * accuracy,
        100 * network.weightSparsity());
    ObjectNode results = context.results(this);
    results.put("dataset", "digits");
    results.put("architecture", "64-128-64-10");
    results.put("timesteps", network.timesteps());
    results.put("test_accuracy", accuracy);
    results.put("weight_sparsity", network.weightSparsity());
    results.put("bits", 4);
    results.put("epochs", EPOCHS);
    results.put("train_seconds", seconds);
    context.put(NETWORK, network);
    context.put(TEST_SET, data.testSet());
  }
}
