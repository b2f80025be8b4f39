package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.flow.measure.KernelExecution;
import org.snncodesign.flow.measure.MeasuredRun;

/**
 * Runs the trained network on the held-out samples, records every spike, and executes each
 * spike-driven layer on the {@code cpu-gustavson} sparse kernel, checked against a dense product.
 * Hands each inference's measured spikes and the weights on as the accelerator workloads.
 */
public final class SoftwareRunStage implements DemoStage<SoftwareRunStage.Figures> {
  private static final String KERNEL = "cpu-gustavson";
  private static final String FIRST_LAYER =
      "analog input (direct encoding): not spike-driven, so computed densely here";

  /**
   * The software run's accuracy and each spike-driven layer as the sparse kernel ran it.
   *
   * @param inferences held-out samples run
   * @param timesteps time steps per inference
   * @param accuracy accuracy on them
   * @param firstLayer how the first layer, which takes analog input, was computed
   * @param spikeDrivenLayers each spike-driven layer on the kernel, checked against a dense product
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Figures(
      int inferences,
      int timesteps,
      double accuracy,
      String firstLayer,
      List<KernelExecution.LayerCheck> spikeDrivenLayers) {
    /** Keeps the layers read-only. */
    public Figures {
      spikeDrivenLayers = List.copyOf(spikeDrivenLayers);
    }
  }

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
  public Figures run(DemoContext context) {
    MeasuredRun run =
        MeasuredRun.of(
            context.get(TrainingDemoStage.NETWORK), context.get(TrainingDemoStage.TEST_SET));
    int samples = run.inferences();
    Accelerator kernel = context.plugins().require(Accelerator.class, KERNEL);
    List<KernelExecution.LayerCheck> layers = KernelExecution.run(kernel, run);
    for (KernelExecution.LayerCheck layer : layers) {
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
    return new Figures(samples, run.timesteps(), run.accuracy(), FIRST_LAYER, layers);
  }
}
