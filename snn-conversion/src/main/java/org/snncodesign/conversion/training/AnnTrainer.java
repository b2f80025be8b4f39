package org.snncodesign.conversion.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.LabeledImages;

/**
 * Mini-batch training of an {@link AnnNetwork} with softmax cross-entropy. Each batch is cut into one contiguous
 * slice per thread; every thread runs forward and backward on its slice into its own {@link AnnWorkspace}, then
 * the gradients are summed in a fixed order and one update is applied, so a given seed and thread count always
 * give the same weights. Nothing is allocated per sample or per batch.
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
  public List<EpochReport> train(AnnNetwork network, LabeledImages train, LabeledImages test,
      Consumer<String> progress) {
    Checks.checkArgument(train.count() > 0, "no training samples");
    if (train.shape().size() != network.model().inputShape().size()) {
      throw new InvalidInputException("training samples of shape " + train.shape() + " do not fit model '"
          + network.model().name() + "' with input " + network.model().inputShape());
    }
    Checks.checkArgument(train.classes() <= network.model().outputs(), "%d classes but the model has %d outputs",
        train.classes(), network.model().outputs());
    int threads = settings.threads();
    AnnWorkspace[] workspaces = new AnnWorkspace[threads];
    for (int t = 0; t < threads; t++) {
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
    int n = train.count();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[] losses = new double[threads];
    int[] correct = new int[threads];
    List<EpochReport> reports = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long step = 0;
    try {
      for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
        long start = System.nanoTime();
        shuffle(order, random);
        double lr = settings.learningRate() * Math.pow(settings.learningRateDecay(), epoch - 1);
        double lossSum = 0;
        long correctSum = 0;
        for (int b0 = 0; b0 < n; b0 += settings.batchSize()) {
          int b1 = Math.min(n, b0 + settings.batchSize());
          List<Callable<Void>> tasks = new ArrayList<>(threads);
          for (int t = 0; t < threads; t++) {
            int from = b0 + (int) ((long) (b1 - b0) * t / threads);
            int to = b0 + (int) ((long) (b1 - b0) * (t + 1) / threads);
            int worker = t;
            tasks.add(() -> {
              AnnWorkspace ws = workspaces[worker];
              ws.clearParameterGradients();
              double loss = 0;
              int hits = 0;
              for (int k = from; k < to; k++) {
                int sample = order[k];
                float[] logits = network.forward(ws, train.pixels(), train.offset(sample));
                if (AnnNetwork.argmax(logits) == train.labels()[sample]) {
                  hits++;
                }
                loss += network.backward(ws, train.labels()[sample]);
              }
              losses[worker] = loss;
              correct[worker] = hits;
              return null;
            });
          }
          runAll(pool, tasks);
          for (int t = 0; t < threads; t++) {
            lossSum += losses[t];
            correctSum += correct[t];
          }
          step++;
          update(params, layerOf, isWeight, workspaces, first, second, lr, b1 - b0, step);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double testAccuracy = test == null ? Double.NaN : network.accuracy(test, threads);
        EpochReport report = new EpochReport(epoch, lossSum / n, (double) correctSum / n, testAccuracy, seconds);
        reports.add(report);
        progress.accept(String.format("epoch %d/%d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s",
            epoch, settings.epochs(), report.meanLoss(), report.trainAccuracy(), testAccuracy, seconds));
      }
    } finally {
      pool.shutdownNow();
    }
    return reports;
  }

  private void update(List<float[]> params, List<Integer> layerOf, List<Boolean> isWeight,
      AnnWorkspace[] workspaces, float[][] first, float[][] second, double lr, int batch, long step) {
    float scale = 1f / batch;
    float decay = (float) settings.weightDecay();
    double b1 = 0.9;
    double b2 = 0.999;
    // Adam's bias corrections folded into the step size (Kingma and Ba, Algorithm 1, final paragraph of Sec. 2).
    float adamLr = (float) (lr * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step)));
    float mu = (float) settings.momentum();
    float rate = (float) lr;
    for (int p = 0; p < params.size(); p++) {
      float[] theta = params.get(p);
      int layer = layerOf.get(p);
      boolean weight = isWeight.get(p);
      float[] g0 = weight ? workspaces[0].weightGradients(layer) : workspaces[0].biasGradients(layer);
      float[] m = first[p];
      float[] v = second[p];
      float wd = weight ? decay : 0f;
      for (int k = 0; k < theta.length; k++) {
        float g = g0[k];
        for (int t = 1; t < workspaces.length; t++) {
          g += weight ? workspaces[t].weightGradients(layer)[k] : workspaces[t].biasGradients(layer)[k];
        }
        g = g * scale + wd * theta[k];
        if (settings.optimizer() == Optimizer.ADAM) {
          m[k] = (float) (b1 * m[k] + (1 - b1) * g);
          v[k] = (float) (b2 * v[k] + (1 - b2) * g * g);
          theta[k] -= adamLr * m[k] / ((float) Math.sqrt(v[k]) + 1e-8f);
        } else {
          m[k] = mu * m[k] + g;
          theta[k] -= rate * m[k];
        }
      }
    }
  }

  private static void runAll(ExecutorService pool, List<Callable<Void>> tasks) {
    try {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("training failed: " + cause, cause);
    }
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
  }
}
