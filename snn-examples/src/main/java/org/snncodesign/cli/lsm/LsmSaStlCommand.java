package org.snncodesign.cli.lsm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.snncodesign.api.Choices;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.lsm.SaStlReport;
import org.snncodesign.flow.lsm.SaStlSeedStudy;
import org.snncodesign.flow.report.ResultTable;
import org.snncodesign.flow.report.SaStlChart;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.learning.stdp.SaStl;
import org.snncodesign.learning.stdp.SaStlTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn lsm sastl}: the {@link SaStlSeedStudy} (SA-STL on the teacher-student task of {@link
 * SaStlTask}: spike train distance to the targets against the share of the outputs' recurrent
 * synapses kept, per synapse selection, over seeds first..first+n-1) with its defaults as the
 * options' defaults. {@code --targets poisson} replaces the teacher's trains by random trains with
 * the same spike count ({@link SaStlTask.Targets#POISSON}); {@code --budget all} makes {@code
 * --keep} count every recurrent synapse ({@link SaStl.Budget#ALL}); {@code --inhibitory-afferents F
 * --inhibitory-balance B} draws a share F of each output's afferents from the liquid's inhibitory
 * neurons (the learnable random-target task uses {@code --targets poisson --inhibitory-afferents
 * 0.25 --afferents 160 --inhibitory-balance 0.8 --input-scale 0 --eta 0.005}).
 *
 * <p>The top-level JSON figures are the study's headline (means over seeds for the first {@code
 * --keep} value and the first {@code --selection}, with {@code distance_silent} and {@code
 * full_over_silent}); {@code rows} has every run and {@code summary} the mean and standard
 * deviation per (selection, keep); the CSV has one row per run and the PNG is {@link SaStlChart}.
 * Progress goes to standard error every {@code --progress-every} epochs.
 */
@Command(
    name = "sastl",
    mixinStandardHelpOptions = true,
    description =
        "SA-STL: van Rossum / Victor-Purpura distance to target trains vs share of synapses kept.")
public final class LsmSaStlCommand implements Callable<Integer> {
  @Option(
      names = "--liquid",
      defaultValue = "200",
      description = "Liquid neurons, outputs not counted (default 200).")
  int neurons;

  @Option(
      names = "--steps",
      defaultValue = "300",
      description = "Steps of the presentation (default 300).")
  int steps;

  @Option(names = "--outputs", defaultValue = "10", description = "Output neurons (default 10).")
  int outputs;

  @Option(
      names = "--afferents",
      defaultValue = "40",
      description = "Recurrent synapses onto each output (default 40).")
  int afferents;

  @Option(
      names = "--output-rate",
      defaultValue = "0.05",
      description = "Spikes per step the outputs are calibrated to (default 0.05).")
  double outputRate;

  @Option(
      names = "--input-scale",
      defaultValue = "0.6",
      description = "Outputs' direct input weight relative to the liquid's (default 0.6).")
  double inputScale;

  @Option(
      names = "--teacher-density",
      defaultValue = "1",
      description = "Share of the synapses onto each output the teacher uses (default 1).")
  double teacherDensity;

  @Option(
      names = "--targets",
      defaultValue = "teacher",
      description =
          "Target trains: teacher (the teacher outputs' spikes) or poisson (random trains with the "
              + "calibrated spike count and a refractory gap, independent of the teacher) (default teacher).")
  String targets;

  @Option(
      names = "--inhibitory-afferents",
      defaultValue = "0",
      description =
          "Share of each output's afferents drawn from the liquid's inhibitory neurons, with negative "
              + "weights kept <= 0 while learning (Dale's law); 0: excitatory afferents only, the earlier task "
              + "(default 0).")
  double inhibitoryShare;

  @Option(
      names = "--inhibitory-balance",
      defaultValue = "1",
      description =
          "With inhibitory afferents: each output's summed inhibitory drive over its excitatory drive, "
              + "set by scaling its inhibitory weights (default 1: balanced).")
  double inhibitoryBalance;

  @Option(
      names = "--budget",
      defaultValue = "trainable",
      description =
          "What --keep counts: trainable (the synapses onto the outputs; the liquid's own stay) or all "
              + "(every recurrent synapse; the liquid's own are pruned too by their STDP pairing, the same share in "
              + "both groups) (default trainable).")
  String budget;

  @Option(
      names = "--liquid-score",
      defaultValue = "pairing",
      description =
          "With --budget all and the relevance or taylor selection, how the liquid's own synapses are "
              + "scored: pairing (their pre/post STDP pairing x |w|) or downstream (that times the postsynaptic "
              + "neuron's importance to the outputs) (default pairing).")
  String liquidScore;

  @Option(
      names = "--rule",
      defaultValue = "resume",
      description =
          "Timing rule: resume (ReSuMe on the free-running outputs) or perceptron (precise-timing "
              + "perceptron on the teacher-forced outputs, Memmesheimer et al. 2014) (default resume).")
  String rule;

  @Option(
      names = "--tolerance",
      defaultValue = "0",
      description =
          "Perceptron: steps just before a target without the below-threshold constraint (default 0: "
              + "exact, so that meeting every constraint reproduces the targets).")
  int tolerance;

  @Option(names = "--epochs", defaultValue = "400", description = "Training epochs (default 400).")
  int epochs;

  @Option(
      names = "--eta",
      defaultValue = "0.002",
      description = "ReSuMe learning rate (default 0.002).")
  double eta;

  @Option(
      names = "--trace-tau",
      defaultValue = "20",
      description = "ReSuMe / STDP trace tau in steps (default 20).")
  double traceTau;

  @Option(
      names = "--prune-until",
      defaultValue = "0.02",
      description =
          "Share of the epochs by whose end the kept share is reached (default 0.02: select early, then "
              + "train the survivors).")
  double pruneUntil;

  @Option(
      names = "--regrow-every",
      defaultValue = "5",
      description =
          "Epochs between regrowth rounds after the pruning phase; 0: no regrowth, the selection of "
              + "earlier versions (default 5).")
  int regrowEvery;

  @Option(
      names = "--regrow-share",
      defaultValue = "0.05",
      description =
          "Share of each output's live synapses swapped per regrowth round, rounded (default 0.05: one "
              + "of 20).")
  double regrowShare;

  @Option(
      names = "--regrow-until",
      defaultValue = "0.9",
      description = "Share of the epochs after which the topology is fixed (default 0.9).")
  double regrowUntil;

  @Option(
      names = "--keep",
      split = ",",
      defaultValue = "0.5",
      description = "Kept shares of the trainable synapses, e.g. 0.75,0.5,0.35,0.25 (default 0.5).")
  double[] keep;

  @Option(
      names = "--selection",
      split = ",",
      defaultValue = "relevance",
      description =
          "Selections, any of relevance (SA-STL), magnitude, random, taylor (|summed ReSuMe update| x |w|) "
              + "(default relevance).")
  List<String> selections;

  @Option(names = "--seeds", defaultValue = "5", description = "Number of seeds (default 5).")
  int seeds;

  @Option(
      names = "--first-seed",
      defaultValue = "1",
      description = "First seed: seeds first..first+n-1 (default 1; development runs used 11..).")
  long firstSeed;

  @Option(
      names = "--progress-every",
      defaultValue = "50",
      description =
          "Epochs between progress lines on standard error; 1 for every epoch (default 50).")
  int progressEvery;

  @Option(
      names = "--rescale",
      negatable = true,
      defaultValue = "false",
      description =
          "After each pruning round, scale each output's surviving weights back to their summed |w| "
              + "before the round (default off).")
  boolean rescale;

  @Option(
      names = "--oracle",
      description =
          "Also train, per kept share, a student pre-pruned to the synapses the teacher weights most "
              + "(row 'oracle': a diagnostic reference that knows the teacher, not a learning method).")
  boolean oracle;

  @Option(names = "--csv", description = "Write one row per run to this CSV file.")
  Path csv;

  @Option(names = "--png", description = "Write the distance-vs-kept-share chart to this PNG file.")
  Path png;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public LsmSaStlCommand() {}

  @Override
  public Integer call() throws IOException {
    List<SaStl.Selection> chosen = new ArrayList<>();
    for (String s : selections) {
      chosen.add(Choices.parse(SaStl.Selection.class, s, "--selection"));
    }
    SaStlTask.Targets targetKind = Choices.parse(SaStlTask.Targets.class, targets, "--targets");
    SaStl.Budget budgetKind = Choices.parse(SaStl.Budget.class, budget, "--budget");
    SaStl.Rule ruleKind = Choices.parse(SaStl.Rule.class, rule, "--rule");
    SaStl.LiquidScore liquidScoreKind =
        Choices.parse(SaStl.LiquidScore.class, liquidScore, "--liquid-score");
    SaStl.Settings training =
        new SaStl.Settings(
                epochs,
                eta,
                0,
                traceTau,
                1,
                2,
                pruneUntil,
                5,
                0.2,
                SaStl.Selection.RELEVANCE,
                firstSeed,
                regrowEvery,
                regrowShare,
                regrowUntil,
                rescale,
                budgetKind)
            .withRule(ruleKind, tolerance)
            .scoringLiquid(liquidScoreKind);
    SaStlSeedStudy.Result result =
        SaStlSeedStudy.run(
            SaStlSeedStudy.Settings.builder()
                .neurons(neurons)
                .steps(steps)
                .outputs(outputs)
                .afferents(afferents)
                .outputRate(outputRate)
                .inputScale(inputScale)
                .teacherDensity(teacherDensity)
                .targets(targetKind)
                .inhibitoryShare(inhibitoryShare)
                .inhibitoryBalance(inhibitoryBalance)
                .training(training)
                .keep(Arrays.stream(keep).boxed().toList())
                .selections(chosen)
                .seeds(seeds)
                .firstSeed(firstSeed)
                .oracle(oracle)
                .progressEvery(progressEvery)
                .build(),
            System.err::println);
    ResultTable table =
        new ResultTable(
            List.of(
                "seed",
                "selection",
                "keep_fraction",
                "kept_synapses",
                "trainable_synapses",
                "van_rossum_start",
                "van_rossum_end",
                "victor_purpura_start",
                "victor_purpura_end",
                "ratio_to_full",
                "recurrent_kept",
                "recurrent_total"));
    for (SaStlSeedStudy.Run r : result.runs()) {
      table.add(
          r.seed(),
          r.selection(),
          fmt(r.keepFraction()),
          r.keptSynapses(),
          r.trainableSynapses(),
          fmt(r.vanRossumStart()),
          fmt(r.vanRossumEnd()),
          fmt(r.victorPurpuraStart()),
          fmt(r.victorPurpuraEnd()),
          fmt(r.ratioToFull()),
          r.recurrentSynapsesKept(),
          r.recurrentSynapses());
    }
    System.out.println(table.render());
    String csvShown = null;
    if (csv != null) {
      table.writeCsv(csv);
      csvShown = StagedOutput.shown(csv).toString();
    }
    String chartShown = null;
    if (png != null) {
      SaStlChart.write(png, result);
      chartShown = StagedOutput.shown(png).toString();
    }
    SaStlReport report = SaStlReport.of(result, csvShown, chartShown);
    for (SaStlReport.SummaryRow v : report.summary()) {
      System.out.printf(
          Locale.ROOT,
          "%-9s keep %.2f: van Rossum %.3f +- %.3f, Victor-Purpura %.2f +- %.2f, "
              + "ratio to full %.3f +- %.3f%n",
          v.selection(),
          v.keepFraction(),
          v.vanRossumMean(),
          v.vanRossumSd(),
          v.victorPurpuraMean(),
          v.victorPurpuraSd(),
          v.ratioMean(),
          v.ratioSd());
    }
    if (json) {
      JsonReport.printLine(JsonReport.of("lsm sastl", report), System.out);
    }
    return 0;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
