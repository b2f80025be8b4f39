package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.flow.measure.KernelExecution;
import org.snncodesign.flow.measure.MeasuredRun;

/**
 * Runs the trained network on the held-out samples, records every spike, and executes each
 * spike-driven layer on the {@code cpu-gustavson} sparse kernel, checked against a dense product.
 * Hands each inference's measured spikes and the weights on as the accelerator workloads.
 */
public final class SoftwareRunStage implements DemoStage {
  private static final String KERNEL = "cpu-gustavson";

  @Override
  public String name() {
    return "software-run";
  }

  @Override
  public String description() {
    return "run the test set, record spikes, execute spike-driven layers on the "
        + KERNEL
        + " kernel";
  }

  @Override
  public void run(DemoContext context) {
    MeasuredRun run =
        MeasuredRun.of(
            context.get(TrainingDemoStage.NETWORK), context.get(TrainingDemoStage.TEST_SET));
    int samples = run.inferences();
    ObjectNode results = context.results(this);
    results.put("inferences", samples);
    results.put("timesteps", run.timesteps());
    results.put("accuracy", run.accuracy());
    results.put(
        "first_layer",
        "analog input (direct encoding): not spike-driven, so computed densely here");

    Accelerator kernel = context.plugins().require(Accelerator.class, KERNEL);
    ArrayNode perLayer = results.putArray("spike_driven_layers");
    for (KernelExecution.LayerCheck layer : KernelExecution.run(kernel, run)) {
      ObjectNode node = perLayer.addObject();
      node.put("layer", layer.layer());
      node.put("input_spike_rate", layer.inputSpikeRate());
      node.put("input_spikes_per_neuron_per_inference", layer.spikesPerNeuronPerInference());
      node.put("weight_density", layer.weightDensity());
      node.put("weight_bits", layer.weightBits());
      node.put("kernel_adds", layer.kernelAdds());
      node.put("dense_macs", layer.denseMacs());
      node.put("ops_saved_vs_dense", layer.opsSavedVsDense());
      node.put("max_abs_difference_vs_dense", layer.maxAbsDifference());
      context
          .progress()
          .printf(
              "  %s: spike rate %.3f, %d adds on %s vs %d dense MACs (%.1f%% saved), "
                  + "max |diff| %.2g%n",
              layer.layer(),
              layer.inputSpikeRate(),
              layer.kernelAdds(),
              KERNEL,
              layer.denseMacs(),
              100 * layer.opsSavedVsDense(),
              layer.maxAbsDifference());
    }
    context
        .progress()
        .printf("  accuracy %.2f%% on %d held-out samples%n", 100 * run.accuracy(), samples);
    context.put(
        HardwareStage.INFERENCES,
        new HardwareStage.Inferences(
            run.perInference(MeasuredRun.FirstLayer.BIT_PLANES),
            run.meanInference(MeasuredRun.FirstLayer.BIT_PLANES)));
  }
}
