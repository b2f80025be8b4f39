package org.snncodesign.conversion.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.LabeledImages;

/**
 * Mini-batch training of an {@link AnnNetwork} with softmax cross-entropy. Each batch is cut into
 * one contiguous slice per thread; every thread runs forward and backward on its slice into its own
 * {@link AnnWorkspace}, then the gradients are summed in a fixed order and one update is applied,
 * so a given seed and thread count always give the same weights. Nothing is allocated per sample or
 * per batch.
 */
public final class AnnTrainer {
  private final TrainingSettings settings;

  public AnnTrainer(TrainingSettings settings) {
    this.settings = settings;
  }

  /**
   * Trains the network's weights in place.
   *
   * @param network network whose model's weights are updated
   * @param train training samples
   * @param test held-out samples evaluated after each epoch, or null
   * @param progress receives one line per epoch
   * @return one report per epoch
   */
  public List<EpochReport> train(
      AnnNetwork network, LabeledImages train, LabeledImages test, Consumer<String> progress) {
    Checks.checkArgument(train.count() > 0, "no training samples");
    if (train.shape().size() != network.model().inputShape().size()) {
      throw new InvalidInputException(
          "training samples of shape "
              + train.shape()
              + " do not fit model '"
              + network.model().name()
              + "' with input "
              + network.model().inputShape());
    }
    Checks.checkArgument(
        train.classes() <= network.model().outputs(),
        "%d classes but the model has %d outputs",
        train.classes(),
        network.model().outputs());
    AnnWorkspace[] workspaces = new AnnWorkspace[TrainingLoop.SLICES_PER_BATCH];
    for (int t = 0; t < workspaces.length; t++) {
      workspaces[t] = network.newWorkspace();
    }
    int layers = network.layers();
    List<float[]> params = new ArrayList<>();
    List<Integer> layerOf = new ArrayList<>();
    List<Boolean> isWeight = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      if (network.weights(i) != null) {
        params.add(network.weights(i));
        layerOf.add(i);
        isWeight.add(true);
        params.add(network.bias(i));
        layerOf.add(i);
        isWeight.add(false);
      }
    }
    float[][] first = new float[params.size()][];
    float[][] second = new float[params.size()][];
    for (int p = 0; p < params.size(); p++) {
      first[p] = new float[params.get(p).length];
      second[p] = new float[params.get(p).length];
    }
    TrainingLoop.Trainee trainee =
        new TrainingLoop.Trainee() {
          @Override
          public double slice(int slice, int[] order, int from, int to, int[] hits) {
            AnnWorkspace ws = workspaces[slice];
            ws.clearParameterGradients();
            double loss = 0;
            int ok = 0;
            for (int k = from; k < to; k++) {
              int sample = order[k];
              float[] logits = network.forward(ws, train.pixels(), train.offset(sample));
              if (AnnNetwork.argmax(logits) == train.labels()[sample]) {
                ok++;
              }
              loss += network.backward(ws, train.labels()[sample]);
            }
            hits[slice] = ok;
            return loss;
          }

          @Override
          public void update(OptimizerStep step) {
            AnnTrainer.update(params, layerOf, isWeight, workspaces, first, second, step);
          }

          @Override
          public double accuracy(LabeledImages test, int threads) {
            return network.accuracy(test, threads);
          }
        };
    // String.format without a locale, as before: progress lines follow the default format locale.
    return TrainingLoop.run(
        settings,
        train.count(),
        test,
        trainee,
        progress,
        Locale.getDefault(Locale.Category.FORMAT));
  }

  private static void update(
      List<float[]> params,
      List<Integer> layerOf,
      List<Boolean> isWeight,
      AnnWorkspace[] workspaces,
      float[][] first,
      float[][] second,
      OptimizerStep step) {
    float decay = step.weightDecay();
    for (int p = 0; p < params.size(); p++) {
      float[] theta = params.get(p);
      int layer = layerOf.get(p);
      boolean weight = isWeight.get(p);
      float[] g0 =
          weight ? workspaces[0].weightGradients(layer) : workspaces[0].biasGradients(layer);
      float[] m = first[p];
      float[] v = second[p];
      float wd = weight ? decay : 0f;
      for (int k = 0; k < theta.length; k++) {
        float g = g0[k];
        for (int t = 1; t < workspaces.length; t++) {
          g +=
              weight
                  ? workspaces[t].weightGradients(layer)[k]
                  : workspaces[t].biasGradients(layer)[k];
        }
        step.apply(theta, m, v, k, g, wd);
      }
    }
  }
}
