package org.snncodesign.flow.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.training.DigitsDemoNetwork;

class KernelExecutionTest {
  private static final MeasuredRun RUN;

  static {
    DigitsDemoNetwork trained =
        DigitsDemoNetwork.train(
            3, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    RUN = MeasuredRun.of(trained.network(), trained.data().testSet());
  }

  @Test
  @DisplayName(
      "the sparse kernel computes every spike-driven layer as the dense product does, with fewer operations")
  void sparseKernelEqualsDense() {
    Accelerator kernel = PluginRegistry.discover().require(Accelerator.class, "cpu-gustavson");
    List<KernelExecution.LayerCheck> checks = KernelExecution.run(kernel, RUN);
    assertThat(checks).hasSize(RUN.spikeDrivenLayers().size()).isNotEmpty();
    for (KernelExecution.LayerCheck check : checks) {
      assertThat(check.maxAbsDifference()).as(check.layer()).isLessThan(1e-4f);
      assertThat(check.kernelAdds()).as(check.layer()).isPositive().isLessThan(check.denseMacs());
      assertThat(check.opsSavedVsDense()).isBetween(0.0, 1.0);
    }
  }

  @Test
  @DisplayName("a model that only prices workloads is refused, naming it")
  void pricingOnlyModel() {
    Accelerator model = PluginRegistry.discover().require(Accelerator.class, "firefly-s");
    assertThatThrownBy(() -> KernelExecution.run(model, RUN)).hasMessageContaining("firefly-s");
  }
}
