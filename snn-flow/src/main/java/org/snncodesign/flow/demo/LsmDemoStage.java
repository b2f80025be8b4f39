package org.snncodesign.flow.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
public final class LsmDemoStage implements DemoStage {
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
  public void run(DemoContext context) throws IOException {
    LsmStudy.Settings settings =
        LsmStudy.Settings.builder().neurons(NEURONS).keep(KEEP).seed(context.seed()).build();
    LsmStudy.Official study =
        LsmStudy.run(
                LsmTask.digits(null, 0), settings, context.plugins(), context.progress()::println)
            .official();
    PruningPoint before = study.before();
    PruningPoint after = study.after();
    ObjectNode results = context.results(this);
    results.put("split", study.split());
    results.put("neurons_before", before.size().neurons());
    results.put("neurons_after", after.size().neurons());
    results.put("synapses_before", before.size().synapses());
    results.put("synapses_after", after.size().synapses());
    results.put("readout_parameters_before", before.size().readoutParameters());
    results.put("readout_parameters_after", after.size().readoutParameters());
    results.put("bytes_before", before.size().bytes());
    results.put("bytes_after", after.size().bytes());
    results.put("accuracy_before", before.testAccuracy());
    results.put("accuracy_after", after.testAccuracy());
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
  }
}
