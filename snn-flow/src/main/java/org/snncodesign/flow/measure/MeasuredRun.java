package org.snncodesign.flow.measure;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.surrogate.ConvLayer;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.SpikeRecorder;
import org.snncodesign.learning.surrogate.SpikingLayer;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * A trained network run on held-out samples with every spike recorded: what the accelerator models
 * and the sparse kernel are fed instead of assumed rates.
 *
 * <p>Only layers whose input is spikes are spike-driven. The first layer receives the analog pixels
 * as a constant current (direct encoding). How it enters a workload is a {@link FirstLayer} choice:
 * left out (the original behaviour of {@link #perInference()} and {@link #meanInference()}), or as
 * {@link #INPUT_BITS} bit planes of the quantised pixels pushed through the same binary (spike)
 * path. The bit-plane form is exact for direct encoding: with {@code x = sum_b 2^b x_b} ({@code
 * x_b} in {0, 1}), {@code W x = sum_b 2^b (W x_b)}, so a bit-serial array computes the first
 * layer's current with {@code INPUT_BITS} binary passes plus a shift per pass (the shift is free in
 * an accumulator that is shifted once per plane), and since the pixels do not change over the
 * {@code T} steps the current is computed once per inference and reused. Spiking FPGA accelerators
 * do have to run this non-spike encoding layer on chip for end-to-end inference (FireFly v2, T. Li
 * et al., arXiv 2309.16158, 2023, is built for exactly that); the bit-serial form is this project's
 * modelling choice because it reuses the bitmap datapath unchanged. The alternative, dense 8-bit x
 * {@code w}-bit MACs in DSPs, is not modelled.
 *
 * <p>Convolution layers are lowered to their im2col matrix for {@link #meanInference(FirstLayer)}:
 * a {@code k x k x C_in -> C_out} kernel over {@code H_out x W_out} positions is a {@code (k k
 * C_in) x C_out} layer run for {@code T H_out W_out} "steps" (one im2col row per step and
 * position), whose input rate is the measured input density times the fraction of kernel taps that
 * fall inside the padded map. Per-inference measured rasters of conv layers are not built ({@link
 * #perInference(FirstLayer)} refuses conv networks, naming the layer).
 */
public final class MeasuredRun {
  /** Why the first layer is missing from the workloads, for reports. */
  public static final String FIRST_LAYER_NOTE =
      "analog input (direct encoding): not spike-driven, left out of accelerator costs";

  /** How the first layer is priced under {@link FirstLayer#BIT_PLANES}, for reports. */
  public static final String BIT_PLANES_NOTE =
      "analog input (direct encoding): priced as 8 bit planes of the quantised pixels through the spike path";

  /** Bits of the quantised input under {@link FirstLayer#BIT_PLANES}: MNIST pixels are 8-bit. */
  public static final int INPUT_BITS = 8;

  /** How the first (analog-input) layer enters a workload. */
  public enum FirstLayer {
    /** Left out: only spike-driven layers are priced. */
    EXCLUDED,
    /** {@link #INPUT_BITS} binary bit planes of the quantised input, once per inference. */
    BIT_PLANES;

    /** The note reports print for this choice. */
    public String note() {
      return this == EXCLUDED ? FIRST_LAYER_NOTE : BIT_PLANES_NOTE;
    }
  }

  /**
   * One spike-driven layer over all recorded inferences.
   *
   * @param name e.g. {@code "fc2 128->64"}
   * @param input its input spikes, {@code (inferences * T) x inputs}
   * @param layer the trained layer (weights pre-major, bits)
   */
  public record SpikeDrivenLayer(String name, SpikeRaster input, DenseLayer layer) {
    public CsrMatrix weights() {
      return layer.toCsr();
    }

    /** Bits per stored weight: the LSQ width, or 32 for float weights. */
    public int weightBits() {
      return layer.bits() == 0 ? 32 : layer.bits();
    }
  }

  private final SpikingNetwork network;
  private final LabeledDataset test;
  private final SpikeRecorder.Recording recording;
  private SpikeRaster planes;

  private MeasuredRun(
      SpikingNetwork network, LabeledDataset test, SpikeRecorder.Recording recording) {
    this.network = network;
    this.test = test;
    this.recording = recording;
  }

  /** Runs every sample of {@code test} through {@code network}. */
  public static MeasuredRun of(SpikingNetwork network, LabeledDataset test) {
    Checks.checkArgument(
        test.sampleSize() == network.inputs(),
        "the network takes %d inputs but %s has %d per sample",
        network.inputs(),
        test.name(),
        test.sampleSize());
    return new MeasuredRun(
        network, test, SpikeRecorder.record(network, test.features(), test.samples()));
  }

  public int inferences() {
    return test.samples();
  }

  public int timesteps() {
    return network.timesteps();
  }

  /** Fraction of held-out samples classified correctly. */
  public double accuracy() {
    int correct = 0;
    for (int k = 0; k < test.samples(); k++) {
      correct += recording.predictions()[k] == test.labels()[k] ? 1 : 0;
    }
    return (double) correct / test.samples();
  }

  /** The layers fed by spikes, in order (every layer but the first). */
  public List<SpikeDrivenLayer> spikeDrivenLayers() {
    List<SpikeDrivenLayer> layers = new ArrayList<>();
    for (int l = 1; l < network.layers().size(); l++) {
      DenseLayer layer = network.denseLayer(l);
      layers.add(
          new SpikeDrivenLayer(
              "fc" + (l + 1) + " " + layer.inputs() + "->" + layer.outputs(),
              recording.layerSpikes()[l - 1],
              layer));
    }
    return layers;
  }

  /**
   * One workload per inference, each with that inference's measured spikes and the trained weights
   * (first layer left out).
   */
  public List<Workload> perInference() {
    return perInference(FirstLayer.EXCLUDED);
  }

  /**
   * One workload per inference, each with that inference's measured spikes (and, under {@link
   * FirstLayer#BIT_PLANES}, its input's bit planes) and the trained weights.
   *
   * @throws IllegalArgumentException naming the layer if the network has a convolution layer
   */
  public List<Workload> perInference(FirstLayer firstLayer) {
    int steps = network.timesteps();
    List<List<LayerWorkload>> layers = new ArrayList<>();
    for (int k = 0; k < inferences(); k++) {
      layers.add(new ArrayList<>());
    }
    if (firstLayer == FirstLayer.BIT_PLANES) {
      DenseLayer first = network.denseLayer(0);
      SpikeRaster planes = bitPlanes();
      CsrMatrix weights = first.toCsr();
      for (int k = 0; k < inferences(); k++) {
        layers
            .get(k)
            .add(
                LayerWorkload.measured(
                    firstLayerName(first),
                    rows(planes, k * INPUT_BITS, INPUT_BITS),
                    weights,
                    bits(first)));
      }
    }
    for (SpikeDrivenLayer layer : spikeDrivenLayers()) {
      CsrMatrix weights = layer.weights();
      for (int k = 0; k < inferences(); k++) {
        layers
            .get(k)
            .add(
                LayerWorkload.measured(
                    layer.name(),
                    rows(layer.input(), k * steps, steps),
                    weights,
                    layer.weightBits()));
      }
    }
    List<Workload> workloads = new ArrayList<>();
    for (int k = 0; k < inferences(); k++) {
      workloads.add(new Workload(test.name() + " sample " + k, layers.get(k)));
    }
    return workloads;
  }

  /**
   * One inference described by the spike rates and weight densities measured over all of them
   * (first layer left out).
   */
  public Workload meanInference() {
    return meanInference(FirstLayer.EXCLUDED);
  }

  /**
   * One inference described by the rates and weight densities measured over all of them;
   * convolution layers are lowered to their im2col matrix (see the class comment).
   */
  public Workload meanInference(FirstLayer firstLayer) {
    List<LayerWorkload> layers = new ArrayList<>();
    int steps = network.timesteps();
    for (int l = 0; l < network.layers().size(); l++) {
      SpikingLayer layer = network.layer(l);
      if (l == 0 && firstLayer == FirstLayer.EXCLUDED) {
        continue;
      }
      // Input density: bit planes of the pixels for the first layer, else the (pooled) spikes of
      // the layer below.
      double inputRate = l == 0 ? bitPlanes().density() : valueDensity(l - 1);
      int rowSteps = l == 0 ? INPUT_BITS : steps;
      double weightDensity = 1 - (double) layer.zeroWeights() / layer.weights().length;
      String name =
          l == 0
              ? "fc1 "
                  + layer.inputs()
                  + "->"
                  + layer.outputs()
                  + " ("
                  + INPUT_BITS
                  + " input bit planes)"
              : "fc" + (l + 1) + " " + layer.inputs() + "->" + layer.outputs();
      if (layer instanceof ConvLayer conv) {
        int positions = conv.outHeight() * conv.outWidth();
        name =
            "conv"
                + (l + 1)
                + " "
                + conv.inputShape()
                + "->"
                + conv.neuronShape()
                + " (im2col "
                + conv.weightRows()
                + "x"
                + conv.weightCols()
                + " x "
                + positions
                + " positions"
                + (l == 0 ? ", " + INPUT_BITS + " input bit planes" : "")
                + ")";
        layers.add(
            LayerWorkload.ofStatistics(
                name,
                Math.multiplyExact(rowSteps, positions),
                conv.weightRows(),
                conv.weightCols(),
                Math.min(1, inputRate * insideFraction(conv)),
                weightDensity,
                bits(layer)));
      } else {
        layers.add(
            LayerWorkload.ofStatistics(
                name,
                rowSteps,
                layer.inputs(),
                layer.outputs(),
                inputRate,
                weightDensity,
                bits(layer)));
      }
    }
    return new Workload(
        test.name()
            + ", mean of "
            + inferences()
            + " inferences (measured rates"
            + (firstLayer == FirstLayer.BIT_PLANES
                ? ", first layer as " + INPUT_BITS + " bit planes"
                : "")
            + ")",
        layers);
  }

  /**
   * The test inputs quantised to {@link #INPUT_BITS} bits and cut into bit planes: row {@code k *
   * INPUT_BITS + b} holds bit {@code b} of sample {@code k}'s inputs. Inputs in [0, 1] (MNIST
   * pixels / 255) map to {@code round(255 x)}; larger inputs are scaled by their maximum first;
   * negative inputs are stored as 8-bit two's complement of {@code round(127 x / max|x|)}.
   */
  public SpikeRaster bitPlanes() {
    if (planes == null) {
      planes = bitPlanes(test.features(), test.samples(), test.sampleSize());
    }
    return planes;
  }

  /** See {@link #bitPlanes()}. */
  static SpikeRaster bitPlanes(float[] features, int samples, int size) {
    float max = 0;
    boolean signed = false;
    for (float x : features) {
      max = Math.max(max, Math.abs(x));
      signed |= x < 0;
    }
    int levels = signed ? (1 << (INPUT_BITS - 1)) - 1 : (1 << INPUT_BITS) - 1;
    double scale = levels / Math.max(1.0, max);
    if (signed) {
      scale = levels / (max == 0 ? 1.0 : max);
    }
    SpikeRaster planes = new SpikeRaster(Math.multiplyExact(samples, INPUT_BITS), size);
    long[] words = planes.words();
    for (int k = 0; k < samples; k++) {
      for (int i = 0; i < size; i++) {
        int q = (int) Math.round(features[k * size + i] * scale) & ((1 << INPUT_BITS) - 1);
        while (q != 0) {
          int b = Integer.numberOfTrailingZeros(q);
          q &= q - 1;
          words[planes.stepOffset(k * INPUT_BITS + b) + (i >>> 6)] |= 1L << i;
        }
      }
    }
    return planes;
  }

  // Density of the values layer `below` passes on: its spikes, or the non-zero cells of their
  // average pooling.
  private double valueDensity(int below) {
    SpikeRaster spikes = recording.layerSpikes()[below];
    if (!(network.layer(below) instanceof ConvLayer conv) || conv.pool() == 1) {
      return spikes.density();
    }
    int q = conv.pool();
    int c = conv.outChannels();
    int w = conv.outWidth();
    int ph = conv.pooledHeight();
    int pw = conv.pooledWidth();
    long nonZero = 0;
    for (int row = 0; row < spikes.timeSteps(); row++) {
      for (int py = 0; py < ph; py++) {
        for (int px = 0; px < pw; px++) {
          for (int ch = 0; ch < c; ch++) {
            boolean any = false;
            for (int dy = 0; dy < q && !any; dy++) {
              for (int dx = 0; dx < q && !any; dx++) {
                any = spikes.get(row, ((py * q + dy) * w + px * q + dx) * c + ch);
              }
            }
            nonZero += any ? 1 : 0;
          }
        }
      }
    }
    return (double) nonZero / ((double) spikes.timeSteps() * ph * pw * c);
  }

  // Fraction of (position, kernel tap) pairs of a conv layer that fall inside the (unpadded) input
  // map.
  static double insideFraction(ConvLayer conv) {
    long inside = 0;
    int k = conv.kernel();
    for (int oy = 0; oy < conv.outHeight(); oy++) {
      for (int ky = 0; ky < k; ky++) {
        int y = oy * conv.stride() + ky - conv.padding();
        if (y < 0 || y >= conv.height()) {
          continue;
        }
        for (int ox = 0; ox < conv.outWidth(); ox++) {
          for (int kx = 0; kx < k; kx++) {
            int x = ox * conv.stride() + kx - conv.padding();
            inside += x >= 0 && x < conv.width() ? 1 : 0;
          }
        }
      }
    }
    return (double) inside / ((double) conv.outHeight() * conv.outWidth() * k * k);
  }

  private static String firstLayerName(DenseLayer first) {
    return "fc1 "
        + first.inputs()
        + "->"
        + first.outputs()
        + " ("
        + INPUT_BITS
        + " input bit planes)";
  }

  private static int bits(SpikingLayer layer) {
    return layer.bits() == 0 ? 32 : layer.bits();
  }

  // One inference's steps [first, first + count) of a raster that holds many inferences back to
  // back.
  private static SpikeRaster rows(SpikeRaster all, int first, int count) {
    SpikeRaster part = new SpikeRaster(count, all.neurons());
    System.arraycopy(
        all.words(), all.stepOffset(first), part.words(), 0, count * all.wordsPerStep());
    return part;
  }
}
