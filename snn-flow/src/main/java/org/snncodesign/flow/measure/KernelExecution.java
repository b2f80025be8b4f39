package org.snncodesign.flow.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.learning.surrogate.DenseLayer;

/**
 * The spike-driven layers of a measured run executed on an accelerator plugin that computes layers
 * (such as the {@code cpu-gustavson} sparse kernel), each checked against the plain dense product
 * of the same spikes and weights.
 */
public final class KernelExecution {
  private KernelExecution() {}

  /**
   * One layer as the kernel ran it; Jackson writes it with snake-case keys, the derived {@code
   * ops_saved_vs_dense} before the difference from the dense product.
   *
   * @param layer the layer's name
   * @param inputSpikeRate fraction of (step, input) cells holding a spike
   * @param spikesPerNeuronPerInference input spikes per input neuron and inference
   * @param weightDensity fraction of non-zero weights
   * @param weightBits bits per stored weight
   * @param kernelAdds additions the kernel performed
   * @param denseMacs multiply-accumulates of the dense product
   * @param maxAbsDifference largest difference of the kernel's output from the dense product
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder({
    "layer",
    "input_spike_rate",
    "input_spikes_per_neuron_per_inference",
    "weight_density",
    "weight_bits",
    "kernel_adds",
    "dense_macs",
    "ops_saved_vs_dense",
    "max_abs_difference_vs_dense"
  })
  public record LayerCheck(
      String layer,
      double inputSpikeRate,
      @JsonProperty("input_spikes_per_neuron_per_inference") double spikesPerNeuronPerInference,
      double weightDensity,
      int weightBits,
      long kernelAdds,
      long denseMacs,
      @JsonProperty("max_abs_difference_vs_dense") float maxAbsDifference) {
    /** Fraction of the dense product's operations the kernel skipped. */
    @JsonProperty("ops_saved_vs_dense")
    public double opsSavedVsDense() {
      return denseMacs == 0 ? 0 : 1 - (double) kernelAdds / denseMacs;
    }
  }

  /**
   * Every spike-driven layer of {@code run} on {@code kernel}.
   *
   * @throws IllegalArgumentException when the plugin does not execute layers
   */
  public static List<LayerCheck> run(Accelerator kernel, MeasuredRun run) {
    Checks.checkArgument(
        kernel.executes(), "accelerator '%s' does not execute layers", kernel.name());
    List<LayerCheck> checks = new ArrayList<>();
    for (MeasuredRun.SpikeDrivenLayer layer : run.spikeDrivenLayers()) {
      SpikeRaster input = layer.input();
      LayerExecution execution = kernel.execute(input, layer.weights());
      float difference = maxDifference(execution.output(), denseProduct(input, layer.layer()));
      long denseMacs = (long) input.timeSteps() * layer.layer().inputs() * layer.layer().outputs();
      checks.add(
          new LayerCheck(
              layer.name(),
              input.density(),
              (double) input.count() / run.inferences() / input.neurons(),
              layer.weights().density(),
              layer.weightBits(),
              execution.operations().get(Operation.ADD_FP32),
              denseMacs,
              difference));
    }
    return checks;
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
