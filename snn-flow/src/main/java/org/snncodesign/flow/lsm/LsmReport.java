package org.snncodesign.flow.lsm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;
import org.snncodesign.learning.lsm.pruning.PruningPoint;

/**
 * What an {@link LsmStudy} found, as {@code snn lsm} reports it: the liquid and the settings, then
 * the official split's before/after figures or the leave-one-speaker-out folds. Jackson writes it
 * with snake-case keys in this order, the before/after figures flat with an {@code _before} or
 * {@code _after} suffix; what is absent (no plasticity, no curve, no CSV) is left out.
 *
 * @param dataset the task's name
 * @param liquid the liquid's description
 * @param neuronModel its neuron model's name
 * @param plasticity what the learning rule did, or null without one
 * @param bins the bin counts chosen from, as a list's text (e.g. {@code [4, 8]})
 * @param readout the readout's label
 * @param readoutIterations gradient steps of a logistic readout, 0 for ridge
 * @param method the pruning method's label
 * @param tailSteps steps simulated after each input ends
 * @param ranking the neuron ranking, as the option names it (e.g. {@code readout-weight})
 * @param rewired whether removed neurons' synapses were re-wired
 * @param keepFraction the fraction of neurons kept
 * @param split the split's description
 * @param official the official split's figures, or null for the speaker split
 * @param speakers the leave-one-speaker-out figures, or null for the official split
 * @param wallSeconds time the readouts and the pruning took (a timing figure)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LsmReport(
    String dataset,
    String liquid,
    String neuronModel,
    LsmStudy.PlasticityReport plasticity,
    String bins,
    String readout,
    int readoutIterations,
    String method,
    int tailSteps,
    String ranking,
    boolean rewired,
    double keepFraction,
    String split,
    @JsonUnwrapped Official official,
    @JsonUnwrapped Speakers speakers,
    double wallSeconds) {

  /**
   * The report of {@code result}, run with {@code settings}.
   *
   * @param files where the curve's CSV and chart were written, or null when they were not
   */
  public static LsmReport of(LsmStudy.Settings settings, LsmStudy.Result result, CurveFiles files) {
    LsmStudy.Official official = result.official();
    LeaveOneSpeakerOut.Result speakers = result.speakers();
    return new LsmReport(
        result.dataset(),
        result.liquid(),
        result.neuronModel(),
        result.plasticity(),
        result.bins().toString(),
        result.readout(),
        result.readoutIterations(),
        result.method(),
        settings.tailSteps(),
        settings.method().ranking().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        settings.method().rewire(),
        settings.keep(),
        official != null
            ? official.split()
            : "leave one speaker out (" + speakers.folds().size() + " folds)",
        official == null ? null : Official.of(official, files),
        speakers == null ? null : Speakers.of(result, speakers),
        result.wallSeconds());
  }

  /**
   * Where the accuracy-versus-size curve was written, as shown to the user.
   *
   * @param csv the CSV
   * @param chart the PNG chart beside it
   */
  public record CurveFiles(String csv, String chart) {}

  /**
   * The official split's figures.
   *
   * @param trainSamples samples of the training part
   * @param testSamples samples of the test part
   * @param inactiveNeurons neurons of the full liquid that never fired on the training part
   * @param before the full liquid
   * @param after the pruned liquid
   * @param simulationSecondsBefore time simulating the full liquid (a timing figure)
   * @param simulationSecondsAfter time simulating the pruned liquid (a timing figure)
   * @param rounds the full liquid, then the liquid after every pruning round
   * @param curve the accuracy-versus-size curve, or null when none was asked for
   * @param csv where the curve's CSV was written, or null
   * @param chart where the curve's chart was written, or null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Official(
      int trainSamples,
      int testSamples,
      int inactiveNeurons,
      @JsonUnwrapped(suffix = "_before") Figures before,
      @JsonUnwrapped(suffix = "_after") Figures after,
      double simulationSecondsBefore,
      double simulationSecondsAfter,
      List<Point> rounds,
      List<Point> curve,
      String csv,
      String chart) {

    static Official of(LsmStudy.Official o, CurveFiles files) {
      boolean curve = !o.curve().isEmpty();
      return new Official(
          o.trainSamples(),
          o.testSamples(),
          o.inactiveNeurons(),
          Figures.of(o.before()),
          Figures.of(o.after()),
          o.simulationSecondsBefore(),
          o.simulationSecondsAfter(),
          o.rounds().stream().map(Point::of).toList(),
          curve ? o.curve().stream().map(Point::of).toList() : null,
          curve && files != null ? files.csv() : null,
          curve && files != null ? files.chart() : null);
    }
  }

  /**
   * One liquid's figures, before or after pruning.
   *
   * @param accuracy test accuracy
   * @param cvAccuracy cross-validated accuracy on the training part
   * @param neurons liquid neurons
   * @param synapses recurrent synapses
   * @param inputSynapses input synapses
   * @param readoutParameters readout weights and biases
   * @param bytes storage of liquid and readout
   * @param lambda the readout's penalty
   * @param meanRateHz the liquid's mean firing rate
   * @param bins the state time bins used
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Figures(
      double accuracy,
      double cvAccuracy,
      int neurons,
      int synapses,
      int inputSynapses,
      long readoutParameters,
      long bytes,
      double lambda,
      double meanRateHz,
      int bins) {

    static Figures of(PruningPoint p) {
      return new Figures(
          p.testAccuracy(),
          p.cvAccuracy(),
          p.size().neurons(),
          p.size().synapses(),
          p.size().inputSynapses(),
          p.size().readoutParameters(),
          p.size().bytes(),
          p.lambda(),
          p.meanRateHz(),
          p.bins());
    }
  }

  /**
   * One point of the pruning rounds or the curve.
   *
   * @param keepFraction the fraction of neurons kept
   * @param rewired whether removed neurons' synapses were re-wired
   * @param rounds pruning rounds behind it
   * @param neurons liquid neurons
   * @param synapses recurrent synapses
   * @param bytes storage of liquid and readout
   * @param bins the state time bins used
   * @param cvAccuracy cross-validated accuracy on the training part
   * @param testAccuracy test accuracy
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Point(
      double keepFraction,
      boolean rewired,
      int rounds,
      int neurons,
      int synapses,
      long bytes,
      int bins,
      double cvAccuracy,
      double testAccuracy) {

    static Point of(PruningPoint p) {
      return new Point(
          p.keepFraction(),
          p.rewired(),
          p.rounds(),
          p.size().neurons(),
          p.size().synapses(),
          p.size().bytes(),
          p.bins(),
          p.cvAccuracy(),
          p.testAccuracy());
    }
  }

  /**
   * The leave-one-speaker-out figures.
   *
   * @param folds one per speaker
   * @param lambda the ridge penalty used
   * @param accuracyBefore accuracy over all held-out clips, full liquid
   * @param accuracyAfter the same with the pruned liquids
   * @param neuronsBefore neurons of the full liquid
   * @param neuronsAfter neurons kept (the same in every fold)
   * @param synapsesBefore recurrent synapses of the full liquid
   * @param synapsesAfter recurrent synapses of the last fold's pruned liquid (they differ per fold)
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record Speakers(
      List<LeaveOneSpeakerOut.Fold> folds,
      double lambda,
      double accuracyBefore,
      double accuracyAfter,
      int neuronsBefore,
      int neuronsAfter,
      long synapsesBefore,
      long synapsesAfter) {

    static Speakers of(LsmStudy.Result study, LeaveOneSpeakerOut.Result r) {
      return new Speakers(
          r.folds(),
          r.lambda(),
          r.accuracyBefore(),
          r.accuracyAfter(),
          study.neurons(),
          r.neuronsAfter(),
          study.synapses(),
          r.synapsesAfter());
    }
  }
}
