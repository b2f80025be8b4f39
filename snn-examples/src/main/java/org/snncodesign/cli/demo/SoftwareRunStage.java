package org.snncodesign.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.cli.training.TrainingDemoStage;
import org.snncodesign.learning.surrogate.DenseLayer;
import org.snncodesign.learning.surrogate.SpikeRecorder;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * Runs the trained network on the held-out samples, records every spike, and executes each spike-driven layer on
 * the {@code cpu-gustavson} sparse kernel, checked against a dense product. Hands each inference's measured
 * spikes and the weights on as the accelerator workloads.
 *
 * <p>The first layer receives the analog pixels as a constant current (direct encoding), so it is not spike-driven
 * and is left out of the accelerator comparison; that is stated in the report.
 */
public final class SoftwareRunStage implements DemoStage {
  private static final String KERNEL = "cpu-gustavson";

  @Override
  public String name() {
    return "software-run";
  }

  @Override
  public String description() {
    return "run the test set, record spikes, execute spike-driven layers on the " + KERNEL + " kernel";
  }

  @Override
  public void run(DemoContext context) {
    SpikingNetwork network = context.get(TrainingDemoStage.NETWORK);
    LabeledDataset test = context.get(TrainingDemoStage.TEST_SET);
    int samples = test.samples();
    SpikeRecorder.Recording recording = SpikeRecorder.record(network, test.features(), samples);

    ObjectNode results = context.results(this);
    int correct = 0;
    for (int k = 0; k < samples; k++) {
      correct += recording.predictions()[k] == test.labels()[k] ? 1 : 0;
    }
    results.put("inferences", samples);
    results.put("timesteps", network.timesteps());
    results.put("accuracy", (double) correct / samples);
    results.put("first_layer", "analog input (direct encoding): not spike-driven, left out of accelerator costs");

    Accelerator kernel = context.plugins().require(Accelerator.class, KERNEL);
    List<List<LayerWorkload>> perInference = new ArrayList<>();
    for (int k = 0; k < samples; k++) {
      perInference.add(new ArrayList<>());
    }
    ArrayNode perLayer = results.putArray("spike_driven_layers");
    int steps = network.timesteps();
    for (int l = 1; l < network.layers().size(); l++) {
      DenseLayer layer = network.layer(l);
      SpikeRaster input = recording.layerSpikes()[l - 1];
      CsrMatrix weights = layer.toCsr();
      String name = "fc" + (l + 1) + " " + layer.inputs() + "->" + layer.outputs();
      LayerExecution execution = kernel.execute(input, weights);
      float difference = maxDifference(execution.output(), denseProduct(input, layer));
      long denseMacs = (long) input.timeSteps() * layer.inputs() * layer.outputs();
      long adds = execution.operations().get(Operation.ADD_FP32);

      ObjectNode node = perLayer.addObject();
      node.put("layer", name);
      node.put("input_spike_rate", input.density());
      node.put("input_spikes_per_neuron_per_inference", (double) input.count() / samples / input.neurons());
      node.put("weight_density", weights.density());
      node.put("kernel_adds", adds);
      node.put("dense_macs", denseMacs);
      node.put("ops_saved_vs_dense", denseMacs == 0 ? 0 : 1 - (double) adds / denseMacs);
      node.put("max_abs_difference_vs_dense", difference);
      context.progress().printf("  %s: spike rate %.3f, %d adds on %s vs %d dense MACs (%.1f%% saved), "
              + "max |diff| %.2g%n", name, input.density(), adds, KERNEL, denseMacs,
          100 * (1 - (double) adds / denseMacs), difference);
      int bits = Math.max(layer.bits(), 1);
      for (int k = 0; k < samples; k++) {
        perInference.get(k).add(LayerWorkload.measured(name, rows(input, k * steps, steps), weights, bits));
      }
    }
    context.progress().printf("  accuracy %.2f%% on %d held-out samples%n", 100.0 * correct / samples, samples);
    List<Workload> workloads = new ArrayList<>();
    for (int k = 0; k < samples; k++) {
      workloads.add(new Workload("digits test sample " + k, perInference.get(k)));
    }
    context.put(HardwareStage.INFERENCES, new HardwareStage.Inferences(workloads));
  }

  // One inference's steps [first, first + count) of a raster that holds many inferences back to back.
  private static SpikeRaster rows(SpikeRaster all, int first, int count) {
    SpikeRaster part = new SpikeRaster(count, all.neurons());
    System.arraycopy(all.words(), all.stepOffset(first), part.words(), 0, count * all.wordsPerStep());
    return part;
  }

  // The plain reference: every (row, input, output) triple multiplied, spikes as 0/1 floats.
  private static float[] denseProduct(SpikeRaster spikes, DenseLayer layer) {
    int rows = spikes.timeSteps();
    int inputs = layer.inputs();
    int outputs = layer.outputs();
    float[] w = layer.weights();
    float[] out = new float[rows * outputs];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < inputs; i++) {
        float s = spikes.get(r, i) ? 1f : 0f;
        for (int j = 0; j < outputs; j++) {
          out[r * outputs + j] += s * w[i * outputs + j];
        }
      }
    }
    return out;
  }

  private static float maxDifference(float[] a, float[] b) {
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
