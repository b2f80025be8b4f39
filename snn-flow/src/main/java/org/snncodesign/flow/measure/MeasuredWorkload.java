package org.snncodesign.flow.measure;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.search.ReferenceWorkloads;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * The one inference a hardware step prices, measured where a network was run, and the same
 * inference without its analog-input first layer for comparisons that need the spike-driven part
 * alone (FireFly-S's published figure counts only that part).
 *
 * <pre>{@code
 * DigitsDemoNetwork demo = DigitsDemoNetwork.train(seed, System.err);
 * MeasuredWorkload measured = MeasuredWorkload.of(demo.network(), demo.data().testSet(),
 *     MeasuredRun.FirstLayer.BIT_PLANES, System.err);
 * HardwareReport report = accelerator.evaluate(measured.priced(), EnergyTable.HOROWITZ_45NM);
 * }</pre>
 *
 * @param priced the workload to price
 * @param spikeLayersOnly the spike-driven layers alone, when they differ from {@code priced} (empty
 *     when the first layer is already left out, when the input is spikes, or when nothing is left
 *     without the first layer)
 * @param firstLayerNote how the first layer was treated, for reports
 */
public record MeasuredWorkload(
    Workload priced, Optional<Workload> spikeLayersOnly, String firstLayerNote) {
  /** Checks that every part is given. */
  public MeasuredWorkload {
    Checks.checkArgument(
        priced != null && spikeLayersOnly != null && firstLayerNote != null,
        "workload, spike-driven part and note must be given");
  }

  /**
   * The seeded synthetic MNIST-shaped 784-500-10 MLP ({@link ReferenceWorkloads#mnistMlp}): spikes
   * in, so no analog layer.
   */
  public static MeasuredWorkload synthetic(int steps, double weightDensity, long seed) {
    return new MeasuredWorkload(
        ReferenceWorkloads.mnistMlp(steps, weightDensity, seed),
        Optional.empty(),
        "synthetic spike workload: no analog layer");
  }

  /**
   * {@code network} run on every sample of {@code test}: the mean inference with its first layer as
   * asked ({@link MeasuredRun#meanInference(MeasuredRun.FirstLayer)}), one progress line with the
   * accuracy.
   */
  public static MeasuredWorkload of(
      SpikingNetwork network,
      LabeledDataset test,
      MeasuredRun.FirstLayer firstLayer,
      PrintStream progress) {
    MeasuredRun run = MeasuredRun.of(network, test);
    progress.printf(
        Locale.ROOT,
        "measured %d held-out inferences: accuracy %.2f%%; first layer %s%n",
        run.inferences(),
        100 * run.accuracy(),
        firstLayer.note());
    Workload priced = run.meanInference(firstLayer);
    // A one-layer network has no spike-driven layer to compare with.
    Optional<Workload> spikeLayers =
        firstLayer == MeasuredRun.FirstLayer.EXCLUDED || network.layers().size() < 2
            ? Optional.empty()
            : Optional.of(run.meanInference(MeasuredRun.FirstLayer.EXCLUDED));
    return new MeasuredWorkload(priced, spikeLayers, firstLayer.note());
  }
}
