package org.snncodesign.cli.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.cli.training.TrainingDemoStage;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.learning.surrogate.DenseLayer;

/**
 * Runs the trained network on the held-out samples, records every spike, and executes each spike-driven layer on
 * the {@code cpu-gustavson} sparse kernel, checked against a dense product. Hands each inference's measured
 * spikes and the weights on as the accelerator workloads.
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
    MeasuredRun run = MeasuredRun.of(context.get(TrainingDemoStage.NETWORK), context.get(TrainingDemoStage.TEST_SET));
    int samples = run.inferences();
    ObjectNode results = context.results(this);
    results.put("inferences", samples);
    results.put("timesteps", run.timesteps());
    results.put("accuracy", run.accuracy());
    results.put("first_layer", "analog input (direct encoding): not spike-driven, so computed densely here");

    Accelerator kernel = context.plugins().require(Accelerator.class, KERNEL);
    ArrayNode perLayer = results.putArray("spike_driven_layers");
    for (MeasuredRun.SpikeDrivenLayer layer : run.spikeDrivenLayers()) {
      SpikeRaster input = layer.input();
      LayerExecution execution = kernel.execute(input, layer.weights());
      float difference = maxDifference(execution.output(), denseProduct(input, layer.layer()));
      long denseMacs = (long) input.timeSteps() * layer.layer().inputs() * layer.layer().outputs();
      long adds = execution.operations().get(Operation.ADD_FP32);

      ObjectNode node = perLayer.addObject();
      node.put("layer", layer.name());
      node.put("input_spike_rate", input.density());
      node.put("input_spikes_per_neuron_per_inference", (double) input.count() / samples / input.neurons());
      node.put("weight_density", layer.weights().density());
      node.put("weight_bits", layer.weightBits());
      node.put("kernel_adds", adds);
      node.put("dense_macs", denseMacs);
      node.put("ops_saved_vs_dense", denseMacs == 0 ? 0 : 1 - (double) adds / denseMacs);
      node.put("max_abs_difference_vs_dense", difference);
      context.progress().printf("  %s: spike rate %.3f, %d adds on %s vs %d dense MACs (%.1f%% saved), "
              + "max |diff| %.2g%n", layer.name(), input.density(), adds, KERNEL, denseMacs,
          100 * (1 - (double) adds / denseMacs), difference);
    }
    context.progress().printf("  accuracy %.2f%% on %d held-out samples%n", 100 * run.accuracy(), samples);
    context.put(HardwareStage.INFERENCES, new HardwareStage.Inferences(
        run.perInference(MeasuredRun.FirstLayer.BIT_PLANES), run.meanInference(MeasuredRun.FirstLayer.BIT_PLANES)));
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
