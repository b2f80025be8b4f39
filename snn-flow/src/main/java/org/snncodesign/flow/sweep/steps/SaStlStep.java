package org.snncodesign.flow.sweep.steps;

import java.util.List;
import org.snncodesign.api.Choices;
import org.snncodesign.flow.lsm.SaStlSeedStudy;
import org.snncodesign.flow.sweep.SweepParameter;
import org.snncodesign.flow.sweep.SweepParameters;
import org.snncodesign.flow.sweep.SweepRecord;
import org.snncodesign.flow.sweep.SweepStep;
import org.snncodesign.learning.stdp.SaStl;
import org.snncodesign.learning.stdp.SaStlTask;

/**
 * {@code sastl}: the SA-STL study of {@code snn lsm sastl} ({@link SaStlSeedStudy}) for one seed,
 * one selection and one kept share: the unpruned learner (the reference) and the pruned one are
 * trained on the same teacher-student task ({@link SaStlTask}); the record has both distances to
 * the targets and their ratio.
 */
public final class SaStlStep implements SweepStep {
  public SaStlStep() {}

  @Override
  public String name() {
    return "sastl";
  }

  @Override
  public String description() {
    return "SA-STL: distance to the target trains of the unpruned and the pruned learner, and their ratio";
  }

  @Override
  public List<SweepParameter> parameters() {
    return List.of(
        SweepParameter.integer("liquid", 200, "liquid neurons, outputs not counted"),
        SweepParameter.integer("steps", 300, "steps of the presentation"),
        SweepParameter.integer("outputs", 10, "output neurons"),
        SweepParameter.integer("afferents", 40, "recurrent synapses onto each output"),
        SweepParameter.real("output_rate", 0.05, "spikes per step the outputs are calibrated to"),
        SweepParameter.real(
            "input_scale", 0.6, "outputs' direct input weight relative to the liquid's"),
        SweepParameter.real(
            "teacher_density", 1, "share of the synapses onto each output the teacher uses"),
        SweepParameter.text("targets", "teacher", "teacher or poisson"),
        SweepParameter.real("keep", 0.5, "kept share of the synapses the budget counts, in (0, 1]"),
        SweepParameter.text("selection", "relevance", "relevance, magnitude, random or taylor"),
        SweepParameter.text("budget", "trainable", "trainable (synapses onto the outputs) or all"),
        SweepParameter.integer("epochs", 400, "training epochs"),
        SweepParameter.real("eta", 0.002, "ReSuMe learning rate"),
        SweepParameter.integer(
            "regrow_every", 5, "epochs between regrowth rounds; 0: no regrowth"));
  }

  @Override
  public SweepRecord run(SweepParameters p, long seed) {
    // The settings of snn lsm sastl: trace tau 20 steps, a pruning round every 2 epochs in the
    // first 2 %, van
    // Rossum tau 5 steps, Victor-Purpura cost 0.2, 5 % of live synapses swapped per regrowth round
    // until 90 %.
    SaStl.Settings training =
        new SaStl.Settings(
            p.integer("epochs"),
            p.real("eta"),
            0,
            20,
            1,
            2,
            0.02,
            5,
            0.2,
            SaStl.Selection.RELEVANCE,
            seed,
            p.integer("regrow_every"),
            0.05,
            0.9,
            false,
            Choices.parse(SaStl.Budget.class, p.text("budget"), "parameter budget"));
    SaStlSeedStudy.Result study =
        SaStlSeedStudy.run(
            SaStlSeedStudy.Settings.builder()
                .neurons(p.integer("liquid"))
                .steps(p.integer("steps"))
                .outputs(p.integer("outputs"))
                .afferents(p.integer("afferents"))
                .outputRate(p.real("output_rate"))
                .inputScale(p.real("input_scale"))
                .teacherDensity(p.real("teacher_density"))
                .targets(
                    Choices.parse(SaStlTask.Targets.class, p.text("targets"), "parameter targets"))
                .training(training)
                .keep(List.of(p.real("keep")))
                .selections(
                    List.of(
                        Choices.parse(
                            SaStl.Selection.class, p.text("selection"), "parameter selection")))
                .seeds(1)
                .firstSeed(seed)
                .build(),
            line -> {});
    // The unpruned reference first; a kept share of 1 trains no pruned learner, the reference
    // stands for it.
    SaStlSeedStudy.Run reference = study.runs().get(0);
    SaStlSeedStudy.Run result = study.runs().get(study.runs().size() - 1);
    return SweepRecord.builder()
        .put("trainable_synapses", result.trainableSynapses())
        .put("kept_synapses", result.keptSynapses())
        .put("recurrent_synapses_kept", result.recurrentSynapsesKept())
        .put("van_rossum_start", reference.vanRossumStart())
        .put("van_rossum_full", reference.vanRossumEnd())
        .put("van_rossum_pruned", result.vanRossumEnd())
        .put("victor_purpura_full", reference.victorPurpuraEnd())
        .put("victor_purpura_pruned", result.victorPurpuraEnd())
        .put("ratio_to_full", result.ratioToFull())
        .build();
  }
}
