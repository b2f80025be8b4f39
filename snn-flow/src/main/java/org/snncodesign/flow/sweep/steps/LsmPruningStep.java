package org.snncodesign.flow.sweep.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.Choices;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.lsm.LsmStudy;
import org.snncodesign.flow.lsm.LsmTask;
import org.snncodesign.flow.sweep.SweepParameter;
import org.snncodesign.flow.sweep.SweepParameters;
import org.snncodesign.flow.sweep.SweepRecord;
import org.snncodesign.flow.sweep.SweepStep;
import org.snncodesign.learning.lsm.pruning.NeuronRanking;
import org.snncodesign.learning.lsm.pruning.PruningPoint;
import org.snncodesign.learning.lsm.pruning.PruningStudy;
import org.snncodesign.learning.lsm.readout.ReadoutKind;

/**
 * {@code lsm-pruning}: the inactive-neuron pruning study of {@code snn lsm} ({@link LsmStudy}) on
 * the embedded digits (or the data set of parameters {@code dataset} and {@code data}), official
 * split: a liquid drawn from the seed, its readout, pruning to {@code keep} and the pruned liquid's
 * readout; sizes and accuracies before and after.
 */
public final class LsmPruningStep implements SweepStep {
  public LsmPruningStep() {}

  @Override
  public String name() {
    return "lsm-pruning";
  }

  @Override
  public String description() {
    return "LSM inactive-neuron pruning on the embedded digits: accuracy and size before and after pruning";
  }

  @Override
  public List<SweepParameter> parameters() {
    return List.of(
        SweepParameter.integer("liquid", 1000, "liquid neurons"),
        SweepParameter.real("keep", 0.25, "fraction of liquid neurons kept, in (0, 1]"),
        SweepParameter.text("ranking", "activity", "activity, readout-weight or fisher"),
        SweepParameter.text("readout", "ridge", "ridge or logistic"),
        SweepParameter.integer("rounds", 1, "prune-retrain-rank rounds"),
        SweepParameter.flag(
            "rewire", false, "re-wire removed neurons' synapses to the nearest kept neuron"),
        SweepParameter.flag(
            "balance", false, "restore kept neurons' recurrent drive before pruning"),
        SweepParameter.integer("tail", 10, "steps simulated after each input ends"),
        SweepParameter.integer("max_samples", 0, "use at most this many samples (0: all 1797)"),
        SweepParameter.text("neuron", "lif", "neuron model plugin of the liquid"),
        SweepParameter.text(
            "dataset", "digits", "digits, fsdd, mnist or a data-set plugin's name (LsmTask.load)"),
        SweepParameter.text(
            "data",
            "",
            "the data set's file or folder (fsdd's, mnist's or what the plugin reads); empty for"
                + " the embedded digits"));
  }

  @Override
  public SweepRecord run(SweepParameters p, long seed) {
    double keep = p.real("keep");
    if (!(keep > 0 && keep <= 1)) {
      throw new InvalidInputException("parameter keep must be in (0, 1], got " + keep);
    }
    NeuronRanking ranking =
        Choices.parse(NeuronRanking.class, p.text("ranking"), "parameter ranking");
    ReadoutKind readout =
        switch (p.text("readout")) {
          case "ridge" -> ReadoutKind.RIDGE;
          case "logistic" -> ReadoutKind.LOGISTIC;
          default ->
              throw new InvalidInputException(
                  "parameter readout must be ridge or logistic, got " + p.text("readout"));
        };
    PruningStudy.Method method =
        new PruningStudy.Method(
            ranking, p.flag("rewire"), false, p.flag("balance"), p.integer("rounds"));
    LsmTask task;
    String data = p.text("data");
    try {
      task =
          LsmTask.load(
              p.text("dataset"),
              data.isEmpty() ? null : Path.of(data),
              p.integer("max_samples"),
              "rate",
              line -> {});
    } catch (IOException e) {
      throw new UncheckedIOException("reading data set " + p.text("dataset"), e);
    }
    LsmStudy.Official study =
        LsmStudy.run(
                task,
                LsmStudy.Settings.builder()
                    .neurons(p.integer("liquid"))
                    .neuronModel(p.text("neuron"))
                    .keep(keep)
                    .method(method)
                    .readout(readout)
                    .tailSteps(p.integer("tail"))
                    .seed(seed)
                    .build(),
                PluginRegistry.discover(),
                line -> {})
            .official();
    SweepRecord.Builder record = SweepRecord.builder().put("method", method.label());
    put(record, "before", study.before());
    put(record, "after", study.after());
    return record
        .put("simulation_seconds", study.simulationSecondsBefore() + study.simulationSecondsAfter())
        .build();
  }

  private static void put(SweepRecord.Builder record, String suffix, PruningPoint point) {
    record
        .put("neurons_" + suffix, point.size().neurons())
        .put("synapses_" + suffix, point.size().synapses())
        .put("readout_parameters_" + suffix, point.size().readoutParameters())
        .put("bytes_" + suffix, point.size().bytes())
        .put("cv_accuracy_" + suffix, point.cvAccuracy())
        .put("accuracy_" + suffix, point.testAccuracy())
        .put("lambda_" + suffix, point.lambda())
        .put("mean_rate_hz_" + suffix, point.meanRateHz());
  }
}
