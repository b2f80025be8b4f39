package org.snncodesign.api.hardware;

import java.io.Serializable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snncodesign.api.Checks;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * One spiking layer as an accelerator sees it: {@code inputs} presynaptic neurons, {@code outputs}
 * postsynaptic ones, over {@code timeSteps} steps. Models use the measured spikes and weights when
 * given, else the statistics.
 *
 * @param name layer name, for reports
 * @param timeSteps steps of one inference
 * @param inputs presynaptic neurons
 * @param outputs postsynaptic neurons
 * @param spikeRate fraction of (step, input) cells holding a spike, in [0, 1]
 * @param weightDensity fraction of non-zero weights, in [0, 1]
 * @param weightBits bits per stored weight
 * @param spikes measured input spikes, {@code timeSteps x inputs}, if known
 * @param weights measured weights, {@code inputs x outputs}, if known
 */
public record LayerWorkload(
    String name,
    int timeSteps,
    int inputs,
    int outputs,
    double spikeRate,
    double weightDensity,
    int weightBits,
    Optional<SpikeRaster> spikes,
    Optional<CsrMatrix> weights)
    implements Serializable {

  public LayerWorkload {
    Checks.positive(timeSteps, "timeSteps of layer " + name);
    Checks.positive(inputs, "inputs of layer " + name);
    Checks.positive(outputs, "outputs of layer " + name);
    Checks.checkArgument(
        spikeRate >= 0 && spikeRate <= 1,
        "spike rate of layer %s must be in [0, 1], got %s",
        name,
        spikeRate);
    Checks.checkArgument(
        weightDensity >= 0 && weightDensity <= 1,
        "weight density of layer %s must be in [0, 1], got %s",
        name,
        weightDensity);
    Checks.checkArgument(
        weightBits >= 1 && weightBits <= 32,
        "weight bits of layer %s must be in [1, 32], got %d",
        name,
        weightBits);
    spikes.ifPresent(
        s ->
            Checks.checkArgument(
                s.timeSteps() == timeSteps && s.neurons() == inputs,
                "spikes of layer %s are %d x %d, expected %d x %d",
                name,
                s.timeSteps(),
                s.neurons(),
                timeSteps,
                inputs));
    weights.ifPresent(
        w ->
            Checks.checkArgument(
                w.rows() == inputs && w.cols() == outputs,
                "weights of layer %s are %d x %d, expected %d x %d",
                name,
                w.rows(),
                w.cols(),
                inputs,
                outputs));
  }

  /** A layer known by its statistics only. */
  public static LayerWorkload ofStatistics(
      String name,
      int timeSteps,
      int inputs,
      int outputs,
      double spikeRate,
      double weightDensity,
      int weightBits) {
    return new LayerWorkload(
        name,
        timeSteps,
        inputs,
        outputs,
        spikeRate,
        weightDensity,
        weightBits,
        Optional.empty(),
        Optional.empty());
  }

  /** A layer with measured spikes and weights; rates are taken from them. */
  public static LayerWorkload measured(
      String name, SpikeRaster spikes, CsrMatrix weights, int weightBits) {
    return new LayerWorkload(
        name,
        spikes.timeSteps(),
        weights.rows(),
        weights.cols(),
        spikes.density(),
        weights.density(),
        weightBits,
        Optional.of(spikes),
        Optional.of(weights));
  }

  // Optional is not serializable: the layer travels with nullable spikes and weights and is rebuilt
  // (and checked).
  private Object writeReplace() {
    return new Serialized(
        name,
        timeSteps,
        inputs,
        outputs,
        spikeRate,
        weightDensity,
        weightBits,
        spikes.orElse(null),
        weights.orElse(null));
  }

  private record Serialized(
      String name,
      int timeSteps,
      int inputs,
      int outputs,
      double spikeRate,
      double weightDensity,
      int weightBits,
      @Nullable SpikeRaster spikes,
      @Nullable CsrMatrix weights)
      implements Serializable {
    private Object readResolve() {
      return new LayerWorkload(
          name,
          timeSteps,
          inputs,
          outputs,
          spikeRate,
          weightDensity,
          weightBits,
          Optional.ofNullable(spikes),
          Optional.ofNullable(weights));
    }
  }
}
