package org.snncodesign.learning.surrogate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.snncodesign.api.Checks;

/**
 * Direct training of a {@link SpikingNetwork} by backpropagation through time with surrogate
 * gradients (Neftci, Mostafa and Zenke 2019; Wu et al. 2018, "Spatio-temporal backpropagation"):
 * the forward pass emits binary spikes, the backward pass replaces the derivative of the spike step
 * by a {@link SurrogateFunction}, and the loss is the softmax cross-entropy of the {@link Readout}
 * logits averaged over the mini-batch.
 *
 * <p>The mini-batch is cut into chunks of a fixed number of samples ({@link BatchChunks}); worker
 * threads, each with its own {@link BpttWorkspace}, take chunks as they come free, and the chunks'
 * losses and gradients are summed in chunk order. So a trained model is the same bytes for a given
 * seed whatever the number of threads. Optional {@link WeightTransform}s (gradient rewiring, LSQ
 * quantisation) sit between the optimiser's variables and the weights the network runs with. Close
 * the trainer to stop its threads.
 */
public final class SurrogateGradientTrainer implements AutoCloseable {
  private final SpikingNetwork network;
  private final TrainingOptions options;
  private final List<WeightTransform> transforms;
  private final BpttWorkspace[] workers;
  private final ExecutorService pool;
  private final float[][] variables;
  private final float[][][] chain;
  private final Optimizer optimizer;
  private final List<Callable<Void>> tasks = new ArrayList<>();
  private final BatchChunks chunks;
  private final GradientBuffer total;
  private final AtomicInteger nextChunk = new AtomicInteger();
  private float[] batchFeatures;
  private int[] batchLabels;
  private int[] batchOrder;
  private float batchScale;
  private boolean batchBackward;

  /** A trainer without weight transforms. */
  public SurrogateGradientTrainer(SpikingNetwork network, TrainingOptions options) {
    this(network, options, List.of());
  }

  /**
   * @param network trained in place: its layers' weights and biases are updated after every step
   * @param transforms applied in order from the optimiser's variables to the running weights
   */
  public SurrogateGradientTrainer(
      SpikingNetwork network, TrainingOptions options, List<WeightTransform> transforms) {
    this.network = network;
    this.options = options;
    this.transforms = List.copyOf(transforms);
    int depth = network.layers().size();
    int threads = options.threads();
    this.workers = new BpttWorkspace[threads];
    this.chunks = new BatchChunks(network);
    this.total = new GradientBuffer(network);
    for (int w = 0; w < threads; w++) {
      workers[w] =
          new BpttWorkspace(
              network, options.surrogate(), options.smoothSpikes(), options.detachReset(), true);
      final int worker = w;
      tasks.add(() -> work(worker));
    }
    this.pool =
        threads > 1
            ? Executors.newFixedThreadPool(
                threads,
                runnable -> {
                  Thread thread = new Thread(runnable, "bptt-worker");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
    for (WeightTransform transform : this.transforms) {
      transform.attach(network);
    }
    int count = this.transforms.size();
    this.variables = new float[depth][];
    this.chain = new float[depth][count][];
    this.optimizer = new Optimizer(options.optimizer(), options.momentum());
    for (int l = 0; l < depth; l++) {
      SpikingLayer layer = network.layer(l);
      variables[l] = count == 0 ? layer.weights() : layer.weights().clone();
      float[] current = variables[l];
      for (int k = 0; k < count; k++) {
        WeightTransform transform = this.transforms.get(k);
        transform.initialise(l, current);
        float[] out = k == count - 1 ? layer.weights() : new float[current.length];
        transform.forward(l, current, out);
        chain[l][k] = out;
        current = out;
      }
      optimizer.register(variables[l], total.weights(l));
      optimizer.register(layer.bias(), total.biases(l));
      for (WeightTransform transform : this.transforms) {
        optimizer.register(transform.parameters(l), transform.parameterGradients(l));
      }
    }
  }

  public SpikingNetwork network() {
    return network;
  }

  public TrainingOptions options() {
    return options;
  }

  /** Optimiser steps taken so far. */
  public long steps() {
    return optimizer.steps();
  }

  /**
   * The variables the optimiser updates for layer {@code layer}: the weights themselves without
   * transforms, else the first transform's input (e.g. the rewiring's hidden parameters). Live
   * array.
   */
  public float[] variables(int layer) {
    return variables[layer];
  }

  /**
   * One epoch over the samples in an order shuffled with the seed and epoch number, in mini-batches
   * of the configured size (the last one may be smaller).
   *
   * @param features row-major samples of {@link SpikingNetwork#inputs()} values each
   * @param labels class of each sample, in {@code [0, outputs)}
   */
  public EpochResult trainEpoch(float[] features, int[] labels, int epoch) {
    checkData(features, labels);
    long start = System.nanoTime();
    int n = labels.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(options.seed() * 1_000_003L + epoch);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    float rate = options.rateAt(epoch);
    double lossSum = 0;
    long correct = 0;
    for (int from = 0; from < n; from += options.batchSize()) {
      int to = Math.min(n, from + options.batchSize());
      double[] result = step(features, labels, order, from, to, rate);
      lossSum += result[0];
      correct += (long) result[1];
    }
    return new EpochResult(
        epoch,
        lossSum / n,
        (double) correct / n,
        rate,
        network.weightSparsity(),
        (System.nanoTime() - start) / 1e9);
  }

  /**
   * One optimiser step on the samples {@code order[from .. to)}.
   *
   * @return {sum of the samples' losses, number classified correctly} before the update
   */
  public double[] step(float[] features, int[] labels, int[] order, int from, int to, float rate) {
    Checks.checkArgument(
        from >= 0 && from < to && to <= order.length,
        "batch [%d, %d) outside the order of %d",
        from,
        to,
        order.length);
    double[] result = accumulate(features, labels, order, from, to, true);
    int depth = network.layers().size();
    for (int l = 0; l < depth; l++) {
      for (int k = transforms.size() - 1; k >= 0; k--) {
        transforms.get(k).backward(l, k == 0 ? variables[l] : chain[l][k - 1], total.weights(l));
      }
    }
    optimizer.step(rate);
    for (int l = 0; l < depth; l++) {
      float[] current = variables[l];
      for (int k = 0; k < transforms.size(); k++) {
        WeightTransform transform = transforms.get(k);
        java.util.Arrays.fill(transform.parameterGradients(l), 0f);
        transform.afterStep(l, current, optimizer.steps());
        transform.forward(l, current, chain[l][k]);
        current = chain[l][k];
      }
    }
    return result;
  }

  /** Accuracy and mean loss on a labelled set (forward passes only, over the worker threads). */
  public Evaluation evaluate(float[] features, int[] labels) {
    checkData(features, labels);
    int n = labels.length;
    if (n == 0) {
      return new Evaluation(0, 0, 0);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] result = accumulate(features, labels, order, 0, n, false);
    return new Evaluation(n, (int) result[1], result[0] / n);
  }

  /**
   * Gradient of the mean loss over all given samples with respect to the optimiser's variables
   * (weights through any transforms) and biases, without updating anything: {@code [layer][0]}
   * weights, {@code [layer][1]} biases. Exposed for gradient checks.
   */
  public float[][][] gradients(float[] features, int[] labels) {
    checkData(features, labels);
    int n = labels.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    accumulate(features, labels, order, 0, n, true);
    int depth = network.layers().size();
    float[][][] out = new float[depth][2][];
    for (int l = 0; l < depth; l++) {
      float[] g = total.weights(l).clone();
      for (int k = transforms.size() - 1; k >= 0; k--) {
        transforms.get(k).backward(l, k == 0 ? variables[l] : chain[l][k - 1], g);
      }
      for (WeightTransform transform : transforms) {
        java.util.Arrays.fill(transform.parameterGradients(l), 0f);
      }
      out[l][0] = g;
      out[l][1] = total.biases(l).clone();
    }
    return out;
  }

  private double[] accumulate(
      float[] features, int[] labels, int[] order, int from, int to, boolean backward) {
    chunks.cut(from, to, backward ? total : null);
    batchFeatures = features;
    batchLabels = labels;
    batchOrder = order;
    batchScale = 1f / (to - from);
    batchBackward = backward;
    nextChunk.set(0);
    if (pool == null || chunks.count() == 1) {
      work(0);
    } else {
      try {
        for (Future<Void> future : pool.invokeAll(tasks)) {
          future.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("training interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("a training worker failed: " + e.getCause(), e.getCause());
      }
    }
    return new double[] {chunks.loss(), chunks.correct()};
  }

  /** Runs chunks on worker {@code worker}'s workspace until none is left. */
  private Void work(int worker) {
    BpttWorkspace workspace = workers[worker];
    for (int c = nextChunk.getAndIncrement(); c < chunks.count(); c = nextChunk.getAndIncrement()) {
      runChunk(workspace, c);
    }
    return null;
  }

  private void runChunk(BpttWorkspace workspace, int c) {
    GradientBuffer gradients = batchBackward ? chunks.take() : null;
    workspace.accumulateInto(gradients);
    int inputs = network.inputs();
    double loss = 0;
    int correct = 0;
    for (int p = chunks.start(c); p < chunks.end(c); p++) {
      int sample = batchOrder[p];
      int label = batchLabels[sample];
      workspace.forward(batchFeatures, sample * inputs);
      if (workspace.predicted() == label) {
        correct++;
      }
      loss += batchBackward ? workspace.backward(label, batchScale) : workspace.loss(label);
    }
    chunks.finish(c, loss, correct, gradients);
  }

  private void checkData(float[] features, int[] labels) {
    int inputs = network.inputs();
    Checks.checkArgument(
        features.length == (long) labels.length * inputs,
        "features hold %d values, expected %d samples x %d inputs",
        features.length,
        labels.length,
        inputs);
    int classes = network.outputs();
    for (int i = 0; i < labels.length; i++) {
      Checks.checkArgument(
          labels[i] >= 0 && labels[i] < classes,
          "label %d of sample %d outside [0, %d)",
          labels[i],
          i,
          classes);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
