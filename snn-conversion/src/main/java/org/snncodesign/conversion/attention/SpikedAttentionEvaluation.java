package org.snncodesign.conversion.attention;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.snncodesign.api.Checks;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.transformer.VitMath;
import org.snncodesign.conversion.transformer.VitModel;
import org.snncodesign.conversion.transformer.VitNetwork;
import org.snncodesign.conversion.transformer.VitWorkspace;

/**
 * ANN and spiking transformer run side by side on the same samples: both accuracies, the spiking
 * network's operation counts, and the per-layer error of every spiking population against the ANN
 * (each spiking layer runs on the spikes of the previous spiking layer, so errors accumulate as in
 * deployment).
 *
 * @param samples samples evaluated
 * @param annCorrect samples the ANN classified correctly
 * @param snnCorrect samples the SNN classified correctly
 * @param synapticOps accumulates over all samples
 * @param neuronOps neuron operations over all samples
 * @param spikes spikes over all samples
 * @param neurons neuron evaluations over all samples (spiking populations, per sample)
 * @param layerErrors error of every population
 * @param seconds wall-clock time of the spiking runs (with the ANN side by side)
 */
public record SpikedAttentionEvaluation(
    int samples,
    int annCorrect,
    int snnCorrect,
    long synapticOps,
    long neuronOps,
    long spikes,
    long neurons,
    List<LayerError> layerErrors,
    double seconds) {

  public double annAccuracy() {
    return samples == 0 ? 0 : (double) annCorrect / samples;
  }

  public double snnAccuracy() {
    return samples == 0 ? 0 : (double) snnCorrect / samples;
  }

  /** Parts the samples are cut into, each summed on its own: enough to keep 16 threads busy. */
  private static final int PARTS = 16;

  /**
   * Runs {@code model} and {@code snn} on every sample on {@code threads} threads; per-layer errors
   * use the first {@code errorSamples} samples.
   */
  public static SpikedAttentionEvaluation of(
      VitModel model, SpikingVit snn, LabeledImages images, int threads, int errorSamples) {
    Checks.positive(threads, "threads");
    VitNetwork ann = new VitNetwork(model);
    ann.checkShape(images);
    int n = images.count();
    int layers = snn.layerNames().size();
    // The error sums are floating point: cut the samples into a fixed number of parts (never by the
    // thread count)
    // and add the parts in order, so the figures are the same bytes on any number of threads.
    int slices = Math.max(1, Math.min(PARTS, n));
    long start = System.nanoTime();
    List<Part> parts = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, slices));
    try {
      List<Future<Part>> futures = new ArrayList<>();
      for (int w = 0; w < slices; w++) {
        int from = (int) ((long) n * w / slices);
        int to = (int) ((long) n * (w + 1) / slices);
        futures.add(pool.submit(() -> run(ann, snn, images, from, to, errorSamples, layers)));
      }
      for (Future<Part> f : futures) {
        parts.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("evaluation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int annCorrect = 0;
    int snnCorrect = 0;
    OpCounts total = new OpCounts();
    double[] sq = new double[layers];
    double[] ref = new double[layers];
    double[] abs = new double[layers];
    long[] count = new long[layers];
    for (Part p : parts) {
      annCorrect += p.annCorrect;
      snnCorrect += p.snnCorrect;
      total.add(p.counts);
      for (int i = 0; i < layers; i++) {
        sq[i] += p.sq[i];
        ref[i] += p.ref[i];
        abs[i] += p.abs[i];
        count[i] += p.count[i];
      }
    }
    List<String> names = snn.layerNames();
    List<LayerError> errors = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      if (count[i] > 0) {
        errors.add(
            new LayerError(
                names.get(i),
                ref[i] == 0 ? 0 : Math.sqrt(sq[i] / ref[i]),
                abs[i] / count[i],
                count[i]));
      }
    }
    return new SpikedAttentionEvaluation(
        n,
        annCorrect,
        snnCorrect,
        total.synaptic,
        total.neuron,
        total.spikes,
        total.neurons,
        List.copyOf(errors),
        (System.nanoTime() - start) / 1e9);
  }

  private static Part run(
      VitNetwork ann,
      SpikingVit snn,
      LabeledImages images,
      int from,
      int to,
      int errorSamples,
      int layers) {
    Part part = new Part(layers);
    VitWorkspace ws = ann.newWorkspace();
    SpikingVit.Worker worker = snn.newWorker();
    float[] patches = new float[snn.config().tokens() * snn.config().patchSize()];
    for (int s = from; s < to; s++) {
      int label = images.labels()[s];
      if (argmax(ann.forward(ws, images.pixels(), images.offset(s))) == label) {
        part.annCorrect++;
      }
      if (argmax(worker.run(images.pixels(), images.offset(s))) == label) {
        part.snnCorrect++;
      }
      if (s < errorSamples) {
        VitMath.patches(images.pixels(), images.offset(s), snn.config(), patches);
        List<float[]> expected = snn.annOutputs(ws, patches);
        List<float[]> actual = worker.layerOutputs();
        for (int i = 0; i < layers; i++) {
          float[] e = expected.get(i);
          float[] a = actual.get(i);
          for (int k = 0; k < e.length; k++) {
            double diff = a[k] - e[k];
            part.sq[i] += diff * diff;
            part.ref[i] += (double) e[k] * e[k];
            part.abs[i] += Math.abs(diff);
          }
          part.count[i] += e.length;
        }
      }
    }
    part.counts.add(worker.counts());
    return part;
  }

  static int argmax(float[] z) {
    int best = 0;
    for (int k = 1; k < z.length; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  private static final class Part {
    final OpCounts counts = new OpCounts();
    final double[] sq;
    final double[] ref;
    final double[] abs;
    final long[] count;
    int annCorrect;
    int snnCorrect;

    Part(int layers) {
      sq = new double[layers];
      ref = new double[layers];
      abs = new double[layers];
      count = new long[layers];
    }
  }
}
