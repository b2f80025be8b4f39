package org.snncodesign.conversion.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.snncodesign.conversion.ann.LabeledImages;

/**
 * The epoch and mini-batch loop shared by the trainers. Each epoch shuffles the sample order with a
 * seeded Fisher-Yates pass, decays the learning rate geometrically, cuts each batch into {@link
 * #SLICES_PER_BATCH} contiguous slices (never by the number of threads), runs the slices on the
 * worker threads, sums their losses and hits in slice order and asks the model for one update,
 * which sums the slices' gradients in slice order too. Floating-point sums depend on their
 * grouping, and this grouping depends on the batch only: a seed gives the same weights on any
 * number of threads. The model-specific work sits behind {@link Trainee}.
 */
public final class TrainingLoop {
  /**
   * Slices per mini-batch, each with its own workspace: enough to keep 8 threads busy; a trainer's
   * update sums this many gradient arrays.
   */
  public static final int SLICES_PER_BATCH = 8;

  /** What a trainer supplies to the loop. */
  public interface Trainee {
    /**
     * Clears slice {@code slice}'s gradients (one workspace per slice, {@link #SLICES_PER_BATCH} in
     * all), then runs forward and backward on samples {@code order[from..to)} into them.
     *
     * @return summed loss of the slice; the number of correct predictions goes to {@code
     *     hits[slice]}
     */
    double slice(int slice, int[] order, int from, int to, int[] hits);

    /**
     * Applies one update from the slices' gradients summed in slice order; {@link
     * OptimizerStep#begin} has been called.
     */
    void update(OptimizerStep step);

    /** Accuracy on held-out samples. */
    double accuracy(LabeledImages test, int threads);
  }

  private TrainingLoop() {}

  /**
   * Runs {@code settings.epochs()} epochs over {@code n} samples.
   *
   * @param test held-out samples evaluated after each epoch, or null
   * @param locale locale of the progress lines
   * @return one report per epoch
   */
  public static List<EpochReport> run(
      TrainingSettings settings,
      int n,
      LabeledImages test,
      Trainee trainee,
      Consumer<String> progress,
      Locale locale) {
    int threads = settings.threads();
    OptimizerStep optimizer = new OptimizerStep(settings);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(settings.seed());
    int slices = SLICES_PER_BATCH;
    double[] losses = new double[slices];
    int[] hits = new int[slices];
    List<EpochReport> reports = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long step = 0;
    try {
      for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
        long start = System.nanoTime();
        shuffle(order, random);
        double lr = settings.learningRate() * Math.pow(settings.learningRateDecay(), epoch - 1);
        double lossSum = 0;
        long correct = 0;
        for (int b0 = 0; b0 < n; b0 += settings.batchSize()) {
          int b1 = Math.min(n, b0 + settings.batchSize());
          List<Callable<Void>> tasks = new ArrayList<>(slices);
          for (int t = 0; t < slices; t++) {
            int from = b0 + (int) ((long) (b1 - b0) * t / slices);
            int to = b0 + (int) ((long) (b1 - b0) * (t + 1) / slices);
            int slice = t;
            tasks.add(
                () -> {
                  losses[slice] = trainee.slice(slice, order, from, to, hits);
                  return null;
                });
          }
          runAll(pool, tasks);
          for (int t = 0; t < slices; t++) {
            lossSum += losses[t];
            correct += hits[t];
          }
          step++;
          optimizer.begin(lr, b1 - b0, step);
          trainee.update(optimizer);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double testAccuracy = test == null ? Double.NaN : trainee.accuracy(test, threads);
        EpochReport report =
            new EpochReport(epoch, lossSum / n, (double) correct / n, testAccuracy, seconds);
        reports.add(report);
        progress.accept(
            String.format(
                locale,
                "epoch %d/%d: loss %.4f, train accuracy %.4f, test accuracy %.4f, %.1f s",
                epoch,
                settings.epochs(),
                report.meanLoss(),
                report.trainAccuracy(),
                testAccuracy,
                seconds));
      }
    } finally {
      pool.shutdownNow();
    }
    return reports;
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
