package org.snncodesign.cli.lsm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.snncodesign.flow.demo.DemoContext;
import org.snncodesign.flow.demo.DemoStage;
import picocli.CommandLine;

/**
 * {@code snn demo} stage: a 300-neuron liquid state machine on the embedded digits (rows as a time series), before
 * and after inactive-neuron pruning to half the liquid, exactly as {@code snn lsm} runs it.
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
    return "a " + NEURONS + "-neuron LIF liquid on the digits rows, ridge readout, pruned to " + (int) (100 * KEEP)
        + " % of its neurons";
  }

  @Override
  public void run(DemoContext context) throws IOException {
    LsmCommand lsm = new LsmCommand();
    new CommandLine(lsm).parseArgs("--dataset", "digits", "--liquid", String.valueOf(NEURONS), "--prune",
        String.valueOf(KEEP), "--seed", String.valueOf(context.seed()));
    ObjectNode report = lsm.report();
    ObjectNode results = context.results(this);
    results.put("split", report.get("split").asText());
    for (String field : new String[] {"neurons", "synapses", "readout_parameters", "bytes", "accuracy"}) {
      results.set(field + "_before", report.get(field + "_before"));
      results.set(field + "_after", report.get(field + "_after"));
    }
    context.progress().printf("  %d -> %d neurons, %d -> %d synapses, accuracy %.1f %% -> %.1f %%%n",
        report.get("neurons_before").asInt(), report.get("neurons_after").asInt(),
        report.get("synapses_before").asInt(), report.get("synapses_after").asInt(),
        100 * report.get("accuracy_before").asDouble(), 100 * report.get("accuracy_after").asDouble());
  }
}
