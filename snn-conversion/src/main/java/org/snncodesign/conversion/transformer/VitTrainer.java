package org.snncodesign.conversion.transformer;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.training.EpochReport;
import org.snncodesign.conversion.training.OptimizerStep;
import org.snncodesign.conversion.training.TrainingLoop;
import org.snncodesign.conversion.training.TrainingSettings;

/**
 * Mini-batch training of a {@link VitNetwork} with softmax cross-entropy and the same settings,
 * update rules and determinism as the CNN trainer ({@link
 * org.snncodesign.conversion.training.AnnTrainer}): each batch is split into one contiguous slice
 * per thread, gradients are summed in a fixed order, one update per batch, so a seed and thread
 * count always give the same weights. Weight decay, when set, applies to every parameter.
 */
public final class VitTrainer {
  private final TrainingSettings settings;

  public VitTrainer(TrainingSettings settings) {
    this.settings = settings;
  }

  /** Trains the model's parameters in place and returns one report per epoch. */
  public List<EpochReport> train(
      VitNetwork network, LabeledImages train, LabeledImages test, Consumer<String> progress) {
    Checks.checkArgument(train.count() > 0, "no training samples");
    network.checkShape(train);
    VitWorkspace[] ws = new VitWorkspace[TrainingLoop.SLICES_PER_BATCH];
    for (int i = 0; i < ws.length; i++) {
      ws[i] = network.newWorkspace();
    }
    float[] theta = network.model().parameters();
    float[] m = new float[theta.length];
    float[] v = new float[theta.length];
    TrainingLoop.Trainee trainee =
        new TrainingLoop.Trainee() {
          @Override
          public double slice(int slice, int[] order, int from, int to, int[] hits) {
            VitWorkspace own = ws[slice];
            own.clearGradients();
            double loss = 0;
            int ok = 0;
            for (int k = from; k < to; k++) {
              int s = order[k];
              if (network.predict(own, train.pixels(), train.offset(s)) == train.labels()[s]) {
                ok++;
              }
              loss += network.backward(own, train.labels()[s]);
            }
            hits[slice] = ok;
            return loss;
          }

          @Override
          public void update(OptimizerStep step) {
            VitTrainer.update(theta, ws, m, v, step);
          }

          @Override
          public double accuracy(LabeledImages test, int threads) {
            return network.accuracy(test, threads);
          }
        };
    return TrainingLoop.run(settings, train.count(), test, trainee, progress, Locale.ROOT);
  }

  private static void update(
      float[] theta, VitWorkspace[] ws, float[] m, float[] v, OptimizerStep step) {
    float decay = step.weightDecay();
    for (int k = 0; k < theta.length; k++) {
      float g = ws[0].grad[k];
      for (int w = 1; w < ws.length; w++) {
        g += ws[w].grad[k];
      }
      step.apply(theta, m, v, k, g, decay);
    }
  }
}
