package org.snncodesign.cli.training;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.SpikeRecorder;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * A trained network run on held-out samples with every spike recorded: what the accelerator models and the sparse
 * kernel are fed instead of assumed rates.
 *
 * <p>Only layers whose input is spikes are spike-driven. The first layer receives the analog pixels as a constant
 * current (direct encoding), so it is a dense layer and is left out of the workloads; reports say so.
 */
public final class MeasuredRun {
  /** Why the first layer is missing from the workloads, for reports. */
  public static final String FIRST_LAYER_NOTE =
      "analog input (direct encoding): not spike-driven, left out of accelerator costs";

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

  private MeasuredRun(SpikingNetwork network, LabeledDataset test, SpikeRecorder.Recording recording) {
    this.network = network;
    this.test = test;
    this.recording = recording;
  }

  /** Runs every sample of {@code test} through {@code network}. */
  public static MeasuredRun of(SpikingNetwork network, LabeledDataset test) {
    Checks.checkArgument(test.sampleSize() == network.inputs(), "the network takes %d inputs but %s has %d per sample",
        network.inputs(), test.name(), test.sampleSize());
    return new MeasuredRun(network, test, SpikeRecorder.record(network, test.features(), test.samples()));
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
      layers.add(new SpikeDrivenLayer("fc" + (l + 1) + " " + layer.inputs() + "->" + layer.outputs(),
          recording.layerSpikes()[l - 1], layer));
    }
    return layers;
  }

  /** One workload per inference, each with that inference's measured spikes and the trained weights. */
  public List<Workload> perInference() {
    int steps = network.timesteps();
    List<List<LayerWorkload>> layers = new ArrayList<>();
    for (int k = 0; k < inferences(); k++) {
      layers.add(new ArrayList<>());
    }
    for (SpikeDrivenLayer layer : spikeDrivenLayers()) {
      CsrMatrix weights = layer.weights();
      for (int k = 0; k < inferences(); k++) {
        layers.get(k).add(LayerWorkload.measured(layer.name(), rows(layer.input(), k * steps, steps), weights,
            layer.weightBits()));
      }
    }
    List<Workload> workloads = new ArrayList<>();
    for (int k = 0; k < inferences(); k++) {
      workloads.add(new Workload(test.name() + " sample " + k, layers.get(k)));
    }
    return workloads;
  }

  /** One inference described by the spike rates and weight densities measured over all of them. */
  public Workload meanInference() {
    List<LayerWorkload> layers = new ArrayList<>();
    for (SpikeDrivenLayer layer : spikeDrivenLayers()) {
      layers.add(LayerWorkload.ofStatistics(layer.name(), network.timesteps(), layer.layer().inputs(),
          layer.layer().outputs(), layer.input().density(), layer.weights().density(), layer.weightBits()));
    }
    return new Workload(test.name() + ", mean of " + inferences() + " inferences (measured rates)", layers);
  }

  // One inference's steps [first, first + count) of a raster that holds many inferences back to back.
  private static SpikeRaster rows(SpikeRaster all, int first, int count) {
    SpikeRaster part = new SpikeRaster(count, all.neurons());
    System.arraycopy(all.words(), all.stepOffset(first), part.words(), 0, count * all.wordsPerStep());
    return part;
  }
}
