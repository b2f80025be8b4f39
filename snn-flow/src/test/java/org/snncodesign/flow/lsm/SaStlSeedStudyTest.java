package org.snncodesign.flow.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.learning.stdp.SaStl;
import org.snncodesign.learning.stdp.SaStlTask;

class SaStlSeedStudyTest {

  /**
   * A small study: 80 liquid neurons, 3 outputs x 20 afferents, 120 steps, 30 epochs, 2 seeds, 2
   * selections.
   */
  private static SaStlSeedStudy.Settings.Builder small() {
    SaStl.Settings training = SaStlSeedStudy.Settings.builder().build().training().withEpochs(30);
    return SaStlSeedStudy.Settings.builder()
        .neurons(80)
        .steps(120)
        .outputs(3)
        .afferents(20)
        .training(training)
        .seeds(2)
        .selections(List.of(SaStl.Selection.RELEVANCE, SaStl.Selection.RANDOM))
        .keep(List.of(0.5))
        .progressEvery(10);
  }

  private static SaStlSeedStudy.Result run(SaStlSeedStudy.Settings.Builder settings) {
    return SaStlSeedStudy.run(settings.build(), line -> {});
  }

  private static SaStl.Settings training(SaStlSeedStudy.Settings.Builder settings) {
    return settings.build().training();
  }

  @Test
  @DisplayName(
      "keeping half the synapses reports full and pruned distances, their ratio, synapse counts, every run "
          + "and the statistics per selection and share, with progress every 10 epochs")
  void halfTheSynapses() throws Exception {
    List<String> progress = new ArrayList<>();
    SaStlSeedStudy.Result result = SaStlSeedStudy.run(small().build(), progress::add);
    SaStlSeedStudy.Headline h = result.headline();
    assertThat(h.selection()).isEqualTo("relevance");
    assertThat(h.synapsesBefore()).isEqualTo(60);
    assertThat(h.synapsesAfter()).isEqualTo(30);
    assertThat(h.recurrentSynapsesBefore() - h.recurrentSynapsesAfter()).isEqualTo(30);
    assertThat(h.distanceFull()).isPositive().isLessThanOrEqualTo(h.distanceStart());
    assertThat(h.ratio()).isCloseTo(h.distancePruned() / h.distanceFull(), within(1e-9));
    assertThat(h.targetMet()).isEqualTo(h.distancePruned() <= 1.1 * h.distanceFull());
    // 2 seeds x (full + 2 selections).
    assertThat(result.runs()).hasSize(6);
    assertThat(result.summary())
        .extracting(SaStlSeedStudy.Summary::selection)
        .containsExactly("full", "relevance", "random");
    assertThat(result.full().vanRossum().n()).isEqualTo(2);
    assertThat(progress)
        .anyMatch(l -> l.contains("epoch 0/30"))
        .anyMatch(l -> l.contains("epoch 10/30"))
        .anyMatch(l -> l.contains("epoch 30/30"));
    assertThat(new ObjectMapper().writeValueAsString(result))
        .contains("\"selection\":\"relevance\"");
  }

  @Test
  @DisplayName(
      "the same settings give the same runs, and a share of 1 reports the unpruned learner")
  void deterministic() {
    assertThat(run(small().keep(List.of(0.35))).runs())
        .isEqualTo(run(small().keep(List.of(0.35))).runs());
    SaStlSeedStudy.Result full = run(small().keep(List.of(1.0, 0.5)).seeds(1));
    assertThat(full.runs()).hasSize(3);
    assertThat(full.headline().selection()).isEqualTo("full");
    assertThat(full.headline().meanVanRossumLast10()).hasSize(2);
    assertThat(full.runs().get(1).keptSynapses())
        .isEqualTo((int) Math.ceil(full.runs().get(1).trainableSynapses() * 0.5));
    // One seed: no spread.
    assertThat(full.full().vanRossum().sdOrZero()).isZero();
  }

  @Test
  @DisplayName(
      "the oracle adds a teacher-selected reference per seed, the first seed moves the seeds, and no "
          + "regrowth changes only the pruned runs")
  void oracleSeedsAndRegrowth() {
    SaStlSeedStudy.Result a = run(small().firstSeed(3).oracle(true));
    // 2 seeds x (full + 2 selections + oracle).
    assertThat(a.runs()).hasSize(8).allSatisfy(r -> assertThat(r.seed()).isBetween(3L, 4L));
    List<SaStlSeedStudy.Run> oracles =
        a.runs().stream().filter(r -> r.selection().equals("oracle")).toList();
    // The oracle student is pre-pruned to half of each output's 20 afferents and trained with all
    // of them.
    assertThat(oracles)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.trainableSynapses()).isEqualTo(30);
              assertThat(r.keptSynapses()).isEqualTo(30);
            });
    SaStlSeedStudy.Settings.Builder fixed = small().firstSeed(3);
    SaStlSeedStudy.Result b = run(fixed.training(training(fixed).regrowing(0, 0, 0)));
    assertThat(b.headline().distanceFull()).isEqualTo(a.headline().distanceFull());
    assertThat(b.headline().synapsesAfter()).isEqualTo(a.headline().synapsesAfter());
  }

  @Test
  @DisplayName(
      "random targets with the all budget keep exactly ceil(keep x all) recurrent synapses and share the "
          + "task and the unpruned reference with the trainable budget")
  void poissonTargetsAndAllBudget() {
    SaStlSeedStudy.Settings.Builder poisson = small().targets(SaStlTask.Targets.POISSON);
    SaStlSeedStudy.Result trainable = run(poisson);
    SaStlSeedStudy.Result all =
        run(poisson.training(training(poisson).budgeting(SaStl.Budget.ALL)));
    assertThat(all.headline().distanceFull()).isEqualTo(trainable.headline().distanceFull());
    int before = all.headline().recurrentSynapsesBefore();
    assertThat(before).isEqualTo(trainable.headline().recurrentSynapsesBefore());
    assertThat(all.headline().synapsesAfter()).isEqualTo(30);
    assertThat(trainable.headline().recurrentSynapsesAfter()).isEqualTo(before - 30);
    for (SaStlSeedStudy.Run r : all.runs()) {
      assertThat(r.recurrentSynapsesKept())
          .isEqualTo(
              r.selection().equals("full")
                  ? r.recurrentSynapses()
                  : (int) Math.ceil(0.5 * r.recurrentSynapses() - 1e-9));
    }
    assertThat(all.headline().recurrentShareKept()).isBetween(0.5, 0.501);
    assertThat(run(small()).headline().distanceStart())
        .isNotEqualTo(trainable.headline().distanceStart());
  }

  @Test
  @DisplayName("the perceptron rule learns the same task from the same start with other distances")
  void perceptronRule() {
    SaStlSeedStudy.Result resume = run(small());
    SaStlSeedStudy.Settings.Builder perceptron = small();
    SaStlSeedStudy.Result p =
        run(
            perceptron.training(
                training(perceptron).withRule(SaStl.Rule.PERCEPTRON, 0).withLearningRate(0.01)));
    assertThat(p.headline().distanceStart()).isEqualTo(resume.headline().distanceStart());
    assertThat(p.headline().distanceFull())
        .isNotEqualTo(resume.headline().distanceFull())
        .isLessThan(p.headline().distanceStart());
    assertThat(p.headline().synapsesAfter()).isEqualTo(30);
  }

  @Test
  @DisplayName(
      "inhibitory afferents change the task deterministically; a silent output's distance depends only on "
          + "the random targets, and the unpruned learner's distance is stated relative to it")
  void inhibitoryAfferents() {
    SaStlSeedStudy.Settings.Builder inhibitory =
        small()
            .targets(SaStlTask.Targets.POISSON)
            .inhibitoryShare(0.25)
            .inhibitoryBalance(0.8)
            .inputScale(0);
    inhibitory.training(training(inhibitory).withLearningRate(0.005));
    SaStlSeedStudy.Result a = run(inhibitory);
    SaStlSeedStudy.Result excitatory = run(small().targets(SaStlTask.Targets.POISSON));
    assertThat(run(inhibitory).runs()).isEqualTo(a.runs());
    assertThat(a.headline().synapsesBefore()).isEqualTo(60);
    assertThat(a.headline().distanceSilent())
        .isPositive()
        .isEqualTo(excitatory.headline().distanceSilent());
    // 3 outputs x 6 spikes (0.05 x 120 steps): Victor-Purpura deletes every target spike.
    assertThat(a.headline().victorPurpuraSilent()).isCloseTo(6, within(1e-9));
    assertThat(a.headline().fullOverSilent())
        .isCloseTo(a.headline().distanceFull() / a.headline().distanceSilent(), within(1e-12));
    assertThat(a.headline().distanceStart()).isNotEqualTo(excitatory.headline().distanceStart());
  }

  @Test
  @DisplayName("a sparse teacher changes the targets but not the student's synapses")
  void teacherDensity() {
    SaStlSeedStudy.Result dense = run(small());
    SaStlSeedStudy.Result sparse = run(small().teacherDensity(0.5));
    assertThat(sparse.headline().distanceStart()).isNotEqualTo(dense.headline().distanceStart());
    assertThat(sparse.headline().synapsesBefore()).isEqualTo(dense.headline().synapsesBefore());
  }

  @Test
  @DisplayName(
      "scoring the liquid's synapses downstream keeps the same counts as pairing but changes the pruned "
          + "learners")
  void liquidScore() {
    SaStlSeedStudy.Settings.Builder all = small();
    SaStl.Settings budget = training(all).budgeting(SaStl.Budget.ALL);
    SaStlSeedStudy.Result pairing = run(all.training(budget));
    SaStlSeedStudy.Result downstream =
        run(all.training(budget.scoringLiquid(SaStl.LiquidScore.DOWNSTREAM)));
    assertThat(downstream.headline().recurrentSynapsesAfter())
        .isEqualTo(pairing.headline().recurrentSynapsesAfter());
    assertThat(downstream.headline().distanceFull()).isEqualTo(pairing.headline().distanceFull());
    assertThat(downstream.headline().distancePruned())
        .isNotEqualTo(pairing.headline().distancePruned());
  }
}
