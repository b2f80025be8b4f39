package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import org.snncodesign.flow.lsm.LsmStudy;
import org.snncodesign.flow.lsm.LsmTask;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

/**
 * A 300-neuron liquid state machine on the embedded digits (rows as a time series), before and
 * after inactive-neuron pruning to half the liquid: the {@link LsmStudy} of {@code snn lsm} with
 * its defaults otherwise (LIF neurons, ridge readout, one-shot activity pruning, official split),
 * seeded by the demo's seed.
 */
public final class LsmDemoStage implements DemoStage<LsmDemoStage.Figures> {

  /**
   * The liquid's size and accuracy before and after pruning.
   *
   * @param split how the samples were split into training and test parts
   * @param neuronsBefore liquid neurons before pruning
   * @param neuronsAfter liquid neurons after pruning
   * @param synapsesBefore liquid synapses before pruning
   * @param synapsesAfter liquid synapses after pruning
   * @param readoutParametersBefore readout parameters before pruning
   * @param readoutParametersAfter readout parameters after pruning
   * @param bytesBefore bytes of the machine before pruning
   * @param bytesAfter bytes of the machine after pruning
   * @param accuracyBefore test accuracy before pruning
   * @param accuracyAfter test accuracy after pruning
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Figures(
      String split,
      int neuronsBefore,
      int neuronsAfter,
      int synapsesBefore,
      int synapsesAfter,
      long readoutParametersBefore,
      long readoutParametersAfter,
      long bytesBefore,
      long bytesAfter,
      double accuracyBefore,
      double accuracyAfter) {}

  static final int NEURONS = 300;
  static final double KEEP = 0.5;

  @Override
  public String name() {
    return "liquid-state-machine";
  }

  @Override
  public String description() {
    return "a "
        + NEURONS
        + "-neuron LIF liquid on the digits rows, ridge readout, pruned to "
        + (int) (100 * KEEP)
        + " % of its neurons";
  }

  @Override
  public Figures run(DemoContext context) throws IOException {
    LsmStudy.Settings settings =
        LsmStudy.Settings.builder().neurons(NEURONS).keep(KEEP).seed(context.seed()).build();
    LsmStudy.Official study =
        LsmStudy.run(
                LsmTask.digits(null, 0), settings, context.plugins(), context.progress()::println)
            .official();
    PruningPoint before = study.before();
    PruningPoint after = study.after();
    context
        .progress()
        .printf(
            "  %d -> %d neurons, %d -> %d synapses, accuracy %.1f %% -> %.1f %%%n",
            before.size().neurons(),
            after.size().neurons(),
            before.size().synapses(),
            after.size().synapses(),
            100 * before.testAccuracy(),
            100 * after.testAccuracy());
    return new Figures(
        study.split(),
        before.size().neurons(),
        after.size().neurons(),
        before.size().synapses(),
        after.size().synapses(),
        before.size().readoutParameters(),
        after.size().readoutParameters(),
        before.size().bytes(),
        after.size().bytes(),
        before.testAccuracy(),
        after.testAccuracy());
  }
}
