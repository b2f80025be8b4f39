package org.snncodesign.flow.sweep.steps;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import org.snncodesign.flow.sweep.SweepParameter;
import org.snncodesign.flow.sweep.SweepParameters;
import org.snncodesign.flow.sweep.SweepRecord;
import org.snncodesign.flow.sweep.SweepStep;
import org.snncodesign.flow.training.DigitsDemoNetwork;

/**
 * {@code digits-training}: the recipe of {@link DigitsDemoNetwork} (a 64-128-64-10 LIF network on
 * the embedded digits, gradient rewiring and LSQ) with its weight sparsity, bit width and epochs as
 * parameters.
 */
public final class DigitsTrainingStep implements SweepStep {
  public DigitsTrainingStep() {}

  @Override
  public String name() {
    return "digits-training";
  }

  @Override
  public String description() {
    return "surrogate-gradient training of "
        + DigitsDemoNetwork.ARCHITECTURE
        + " on the embedded digits: test accuracy at a weight sparsity and bit width";
  }

  @Override
  public List<SweepParameter> parameters() {
    return List.of(
        SweepParameter.real(
            "sparsity", DigitsDemoNetwork.SPARSITY, "target weight sparsity, in [0, 1)"),
        SweepParameter.integer("bits", DigitsDemoNetwork.BITS, "LSQ weight bits"),
        SweepParameter.integer("epochs", DigitsDemoNetwork.EPOCHS, "training epochs"),
        // One thread per run by default: a sweep already runs as many points at once as it has
        // cores.
        SweepParameter.integer("threads", 1, "trainer threads (the result does not depend on it)"));
  }

  @Override
  public SweepRecord run(SweepParameters p, long seed) {
    DigitsDemoNetwork trained =
        DigitsDemoNetwork.train(
            new DigitsDemoNetwork.Recipe(
                p.real("sparsity"), p.integer("bits"), p.integer("epochs"), p.integer("threads")),
            seed,
            new PrintStream(OutputStream.nullOutputStream()));
    return SweepRecord.builder()
        .put("test_accuracy", trained.testAccuracy())
        .put("weight_sparsity", trained.network().weightSparsity())
        .put("train_seconds", trained.trainSeconds())
        .build();
  }
}
