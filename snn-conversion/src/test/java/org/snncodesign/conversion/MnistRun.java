package org.snncodesign.conversion;

import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.conversion.ann.AnnJson;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.training.AnnTrainer;
import org.snncodesign.conversion.training.CnnArchitectures;
import org.snncodesign.conversion.training.TrainingSettings;

/**
 * Full MNIST run, not a test: {@code java -cp ... org.snncodesign.conversion.MnistRun DATA_DIR
 * MODEL.json EPOCHS [TRAIN_LIMIT]}; trains the default CNN unless the model file exists.
 */
public final class MnistRun {
  private MnistRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path modelFile = Path.of(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int limit = args.length > 3 ? Integer.parseInt(args[3]) : Integer.MAX_VALUE;
    LabeledImages train = MnistIdx.load(dir, "train", limit);
    LabeledImages test = MnistIdx.load(dir, "t10k", Integer.MAX_VALUE);
    AnnModel model;
    if (Files.exists(modelFile)) {
      model = AnnJson.read(modelFile);
    } else {
      model = CnnArchitectures.mnistDefault(42);
      long t0 = System.nanoTime();
      new AnnTrainer(TrainingSettings.adam(epochs, 7))
          .train(new AnnNetwork(model), train, test, System.err::println);
      System.err.printf("training took %.1f s%n", (System.nanoTime() - t0) / 1e9);
      AnnJson.write(model, modelFile);
    }
    System.err.printf(
        "ANN accuracy %.4f, MACs %d%n", new AnnNetwork(model).accuracy(test, 2), model.macs());
  }
}
