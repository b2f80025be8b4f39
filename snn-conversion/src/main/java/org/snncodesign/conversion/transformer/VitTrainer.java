package org.snncodesign.conversion.transformer;

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
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.training.EpochReport;
import org.snncodesign.conversion.training.Optimizer;
import org.snncodesign.conversion.training.TrainingSettings;

/**
 * Mini-batch training of a {@link VitNetwork} with softmax cross-entropy and the same settings, update rules and
 * determinism as the CNN trainer ({@link org.snncodesign.conversion.training.AnnTrainer}): each batch is split
 * into one contiguous slice per thread, gradients are summed in a fixed order, one update per batch, so a seed
 * and thread count always give the same weights. Weight decay, when set, applies to every parameter.
 */
public final class VitTrainer {
  private final TrainingSettings settings;

  public VitTrainer(TrainingSettings settings) {
    this.settings = settings;
  }

  /** Trains the model's parameters in place and returns one report per epoch. */
  public List<EpochReport> train(VitNetwork network, LabeledImages train, LabeledImages test,
      Consumer<String> progress) {
    Checks.checkArgument(train.count() > 0, "no training samples");
    network.checkShape(train);
    int threads = settings.threads();
    VitWorkspace[] ws = new VitWorkspace[threads];
    for (int i = 0; i < threads; i++) {
      ws[i] = network.newWorkspace();
    }
    float[] theta = network.model().parameters();
    float[] m = new float[theta.length];
    float[] v = new float[theta.length];
    int n = train.count();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[] losses = new double[threads];
    int[] hits = new int[threads];
    List<EpochReport> reports = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long step = 0;
    try {
      for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
        long start = System.nanoTime();
        for (int i = n - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int tmp = order[i];
          order[i] = order[j];
          order[j] = tmp;
        }
        double lr = settings.learningRate() * Math.pow(settings.learningRateDecay(), epoch - 1);
        double lossSum = 0;
        long correct = 0;
        for (int b0 = 0; b0 < n; b0 += settings.batchSize()) {
          int b1 = Math.min(n, b0 + settings.batchSize());
          List<Callable<Void>> tasks = new ArrayList<>(threads);
          for (int w = 0; w < threads; w++) {
            int from = b0 + (int) ((long) (b1 - b0) * w / threads);
            int to = b0 + (int) ((long) (b1 - b0) * (w + 1) / threads);
            int worker = w;
            tasks.add(() -> {
              VitWorkspace own = ws[worker];
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
              losses[worker] = loss;
              hits[worker] = ok;
              return null;
            });
          }
          runAll(pool, tasks);
          for (int w = 0; w < threads; w++) {
            lossSum += losses[w];
            correct += hits[w];
          }
          step++;
          update(theta, ws, m, v, lr, b1 - b0, step);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double testAccuracy = test == null ? Double.NaN : network.accuracy(test, threads);
        EpochReport r = new EpochReport(epoch, lossSum / n, (double) correct / n, testAccuracy, seconds);
        reports.add(r);
        progress.accept(String.format(java.util.Locale.ROOT,
            "epoch %d/%d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s", epoch, settings.epochs(),
            r.meanLoss(), r.trainAccuracy(), testAccuracy, seconds));
      }
    } finally {
      pool.shutdownNow();
    }
    return reports;
  }

  private void update(float[] theta, VitWorkspace[] ws, float[] m, float[] v, double lr, int batch, long step) {
    float scale = 1f / batch;
    float decay = (float) settings.weightDecay();
    double b1 = 0.9;
    double b2 = 0.999;
    float adamLr = (float) (lr * Math.sqrt(1 - Math.pow(b2, step)) / (1 - Math.pow(b1, step)));
    float mu = (float) settings.momentum();
    float rate = (float) lr;
    boolean adam = settings.optimizer() == Optimizer.ADAM;
    for (int k = 0; k < theta.length; k++) {
      float g = ws[0].grad[k];
      for (int w = 1; w < ws.length; w++) {
        g += ws[w].grad[k];
      }
      g = g * scale + decay * theta[k];
      if (adam) {
        m[k] = (float) (b1 * m[k] + (1 - b1) * g);
        v[k] = (float) (b2 * v[k] + (1 - b2) * g * g);
        theta[k] -= adamLr * m[k] / ((float) Math.sqrt(v[k]) + 1e-8f);
      } else {
        m[k] = mu * m[k] + g;
        theta[k] -= rate * m[k];
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
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
    }
  }
}
