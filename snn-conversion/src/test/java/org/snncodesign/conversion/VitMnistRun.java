package org.snncodesign.conversion;

import java.nio.file.Path;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.training.Optimizer;
import org.snncodesign.conversion.training.TrainingSettings;
import org.snncodesign.conversion.transformer.VitConfig;
import org.snncodesign.conversion.transformer.VitJson;
import org.snncodesign.conversion.transformer.VitModel;
import org.snncodesign.conversion.transformer.VitNetwork;
import org.snncodesign.conversion.transformer.VitTrainer;

/**
 * Trains the default MNIST ViT and saves it (not a test). Arguments: MNIST folder, output JSON,
 * epochs, [train samples], [patch dim depth heads mlp], [learning rate], [decay].
 */
public final class VitMnistRun {
  private VitMnistRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int epochs = Integer.parseInt(args[2]);
    int n = args.length > 3 ? Integer.parseInt(args[3]) : 60000;
    VitConfig c =
        args.length > 8
            ? new VitConfig(
                1,
                28,
                28,
                Integer.parseInt(args[4]),
                Integer.parseInt(args[5]),
                Integer.parseInt(args[6]),
                Integer.parseInt(args[7]),
                Integer.parseInt(args[8]),
                10)
            : VitConfig.mnist();
    double lr = args.length > 9 ? Double.parseDouble(args[9]) : 1e-3;
    double decay = args.length > 10 ? Double.parseDouble(args[10]) : 0.8;
    LabeledImages train = MnistIdx.load(dir, "train", n);
    LabeledImages test = MnistIdx.load(dir, "t10k", 10000);
    VitModel model = VitModel.initialised("vit-mnist", c, 42);
    System.err.println(c + " params " + model.parameters().length + " MACs " + model.macs());
    TrainingSettings s = new TrainingSettings(epochs, 64, lr, decay, Optimizer.ADAM, 0, 0, 2, 7);
    new VitTrainer(s)
        .train(
            new VitNetwork(model),
            train,
            test,
            line -> {
              System.err.println(line);
              try {
                VitJson.write(model, out);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
  }
}
