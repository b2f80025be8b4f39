package org.snncodesign.flow.lsm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;
import org.snncodesign.learning.stdp.SaStl;
import org.snncodesign.learning.stdp.SaStlTask;

/**
 * What a {@link SaStlSeedStudy} found, as {@code snn lsm sastl} reports it: every run, the summary
 * per (selection, kept share), the task and its settings, then the headline figures. Jackson writes
 * it with snake-case keys in this order; the CSV and chart are left out when none was written.
 *
 * @param rows every run, per seed the unpruned reference first
 * @param summary mean and standard deviation per (selection, kept share)
 * @param task the task's description
 * @param inhibitoryAfferents share of each output's afferents drawn from inhibitory neurons
 * @param inhibitoryBalance each output's summed inhibitory drive over its excitatory drive
 * @param afferents recurrent synapses onto each output
 * @param inputScale the outputs' direct input weight relative to the liquid's
 * @param teacherDensity share of the synapses onto each output the teacher uses
 * @param distanceSilent van Rossum distance of a silent output to the targets
 * @param victorPurpuraSilent Victor-Purpura distance of a silent output
 * @param fullOverSilent the unpruned learner's distance over the silent one's
 * @param targets where the target trains come from, lower case
 * @param budget what the kept share counts, lower case
 * @param liquidScore how the liquid's own synapses are scored, lower case
 * @param rule the timing rule, lower case
 * @param selection the selection the headline is of
 * @param keepFraction the kept share the headline is of
 * @param seeds number of seeds
 * @param firstSeed the first seed
 * @param regrowEvery epochs between regrowth rounds
 * @param epochs training epochs
 * @param distanceStart van Rossum distance before training
 * @param distanceFull the unpruned learner's
 * @param distancePruned the pruned learner's
 * @param ratio {@code distancePruned / distanceFull}
 * @param learningReduction {@code 1 - distanceFull / distanceStart}
 * @param victorPurpuraStart Victor-Purpura distance before training
 * @param victorPurpuraFull the unpruned learner's
 * @param victorPurpuraPruned the pruned learner's
 * @param synapsesBefore trainable synapses
 * @param synapsesAfter of those, kept by the pruned learner
 * @param recurrentSynapsesBefore recurrent synapses, the liquid's own included
 * @param recurrentSynapsesAfter of those, kept by the pruned learner
 * @param meanVanRossumLast10 per kept share, the mean van Rossum distance of the last 10 epochs
 * @param recurrentShareKept share of all recurrent synapses the pruned learners kept
 * @param targetMet whether at most half the synapses are kept within 10 % of the unpruned distance
 * @param csv where the runs' CSV was written, or null
 * @param chart where the chart was written, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaStlReport(
    List<SaStlSeedStudy.Run> rows,
    List<SummaryRow> summary,
    String task,
    double inhibitoryAfferents,
    double inhibitoryBalance,
    int afferents,
    double inputScale,
    double teacherDensity,
    double distanceSilent,
    double victorPurpuraSilent,
    double fullOverSilent,
    String targets,
    String budget,
    String liquidScore,
    String rule,
    String selection,
    double keepFraction,
    int seeds,
    long firstSeed,
    int regrowEvery,
    int epochs,
    double distanceStart,
    double distanceFull,
    double distancePruned,
    double ratio,
    double learningReduction,
    double victorPurpuraStart,
    double victorPurpuraFull,
    double victorPurpuraPruned,
    int synapsesBefore,
    int synapsesAfter,
    int recurrentSynapsesBefore,
    int recurrentSynapsesAfter,
    List<Double> meanVanRossumLast10,
    double recurrentShareKept,
    boolean targetMet,
    String csv,
    String chart) {

  /**
   * The report of {@code result}.
   *
   * @param csv where the runs' CSV was written, as shown to the user, or null
   * @param chart where the chart was written, as shown to the user, or null
   */
  public static SaStlReport of(SaStlSeedStudy.Result result, String csv, String chart) {
    SaStlSeedStudy.Settings s = result.settings();
    SaStl.Settings training = s.training();
    SaStlSeedStudy.Headline h = result.headline();
    return new SaStlReport(
        result.runs(),
        result.summary().stream().map(SummaryRow::of).toList(),
        task(s),
        s.inhibitoryShare(),
        s.inhibitoryBalance(),
        s.afferents(),
        s.inputScale(),
        s.teacherDensity(),
        h.distanceSilent(),
        h.victorPurpuraSilent(),
        h.fullOverSilent(),
        lower(s.targets()),
        lower(training.budget()),
        lower(training.liquidScore()),
        lower(training.rule()),
        h.selection(),
        h.keepFraction(),
        s.seeds(),
        s.firstSeed(),
        training.regrowEvery(),
        training.epochs(),
        h.distanceStart(),
        h.distanceFull(),
        h.distancePruned(),
        h.ratio(),
        h.learningReduction(),
        h.victorPurpuraStart(),
        h.victorPurpuraFull(),
        h.victorPurpuraPruned(),
        h.synapsesBefore(),
        h.synapsesAfter(),
        h.recurrentSynapsesBefore(),
        h.recurrentSynapsesAfter(),
        h.meanVanRossumLast10(),
        h.recurrentShareKept(),
        h.targetMet(),
        csv,
        chart);
  }

  private static String task(SaStlSeedStudy.Settings s) {
    return (s.targets() == SaStlTask.Targets.POISSON
            ? "random (Poisson) targets"
            : "teacher-student")
        + " (SaStlTask): liquid "
        + s.neurons()
        + ", "
        + s.outputs()
        + " outputs x "
        + s.afferents()
        + " afferents ("
        + s.inhibitoryShare()
        + " inhibitory), "
        + s.steps()
        + " steps, input scale "
        + s.inputScale()
        + ", teacher density "
        + s.teacherDensity();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Mean and standard deviation over seeds of one selection and kept share.
   *
   * @param selection the selection
   * @param keepFraction the kept share
   * @param vanRossumMean mean final van Rossum distance
   * @param vanRossumSd its standard deviation (0 for one seed)
   * @param victorPurpuraMean mean final Victor-Purpura distance
   * @param victorPurpuraSd its standard deviation (0 for one seed)
   * @param ratioMean mean ratio to the unpruned learner
   * @param ratioSd its standard deviation (0 for one seed)
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record SummaryRow(
      String selection,
      double keepFraction,
      double vanRossumMean,
      double vanRossumSd,
      double victorPurpuraMean,
      double victorPurpuraSd,
      double ratioMean,
      double ratioSd) {

    static SummaryRow of(SaStlSeedStudy.Summary v) {
      return new SummaryRow(
          v.selection(),
          v.keepFraction(),
          v.vanRossum().mean(),
          v.vanRossum().sdOrZero(),
          v.victorPurpura().mean(),
          v.victorPurpura().sdOrZero(),
          v.ratio().mean(),
          v.ratio().sdOrZero());
    }
  }
}
