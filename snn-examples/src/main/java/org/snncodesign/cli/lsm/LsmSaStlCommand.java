package org.snncodesign.cli.lsm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.api.Choices;
import org.snncodesign.flow.report.PngFile;
import org.snncodesign.flow.report.ReferenceLine;
import org.snncodesign.flow.report.ResultTable;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.learning.distance.VanRossumDistance;
import org.snncodesign.learning.distance.VictorPurpuraDistance;
import org.snncodesign.learning.stdp.SaStl;
import org.snncodesign.learning.stdp.SaStlTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn lsm sastl}: SA-STL on the teacher-student task of {@link SaStlTask} (defaults: 200-neuron liquid,
 * 10 outputs with 40 recurrent afferents each, 300 steps, dense teacher), spike-train distance to the targets
 * against the share of the outputs' recurrent synapses kept, for STDP-relevance selection (SA-STL), magnitude
 * selection and random selection, over seeds first..first+n-1 (default 1..n), with regrowth by default
 * ({@code --regrow-every 0}: one selection, as before). {@code --targets poisson} replaces the teacher's trains by
 * random trains with the same spike count ({@link SaStlTask.Targets#POISSON}); {@code --budget all} makes
 * {@code --keep} count every recurrent synapse, the liquid's own ones included ({@link SaStl.Budget#ALL});
 * {@code --inhibitory-afferents F --inhibitory-balance B} draws a share F of each output's afferents from the
 * liquid's inhibitory neurons, with inhibitory charge B times the excitatory one (the learnable random-target task
 * uses {@code --targets poisson --inhibitory-afferents 0.25 --afferents 160 --inhibitory-balance 0.8
 * --input-scale 0 --eta 0.005}); the JSON's {@code distance_silent} and {@code full_over_silent} say how far a
 * silent output is from the targets and how much closer the unpruned learner gets. For every seed the unpruned learner (keep 1, the same
 * settings) is the reference: {@code ratio = distance_pruned / distance_full}.
 *
 * <p>The top-level JSON figures are means over seeds for the first {@code --keep} value and the first
 * {@code --selection}; {@code rows} has every run (the unpruned reference first for each seed) and {@code summary}
 * the mean and standard deviation per (selection, keep); {@code mean_van_rossum_last10} has, per {@code --keep}
 * value, the mean over seeds of the last 10 recorded distances (the wandering of the current weights, not the
 * returned pocket weights). Progress goes to standard error every {@code --progress-every} epochs.
 */
@Command(name = "sastl", mixinStandardHelpOptions = true,
    description = "SA-STL: van Rossum / Victor-Purpura distance to target trains vs share of synapses kept.")
public final class LsmSaStlCommand implements Callable<Integer> {
  @Option(names = "--liquid", defaultValue = "200", description = "Liquid neurons, outputs not counted (default 200).")
  int neurons;

  @Option(names = "--steps", defaultValue = "300", description = "Steps of the presentation (default 300).")
  int steps;

  @Option(names = "--outputs", defaultValue = "10", description = "Output neurons (default 10).")
  int outputs;

  @Option(names = "--afferents", defaultValue = "40", description = "Recurrent synapses onto each output (default 40).")
  int afferents;

  @Option(names = "--output-rate", defaultValue = "0.05",
      description = "Spikes per step the outputs are calibrated to (default 0.05).")
  double outputRate;

  @Option(names = "--input-scale", defaultValue = "0.6",
      description = "Outputs' direct input weight relative to the liquid's (default 0.6).")
  double inputScale;

  @Option(names = "--teacher-density", defaultValue = "1",
      description = "Share of the synapses onto each output the teacher uses (default 1).")
  double teacherDensity;

  @Option(names = "--targets", defaultValue = "teacher",
      description = "Target trains: teacher (the teacher outputs' spikes) or poisson (random trains with the "
          + "calibrated spike count and a refractory gap, independent of the teacher) (default teacher).")
  String targets;

  @Option(names = "--inhibitory-afferents", defaultValue = "0",
      description = "Share of each output's afferents drawn from the liquid's inhibitory neurons, with negative "
          + "weights kept <= 0 while learning (Dale's law); 0: excitatory afferents only, the earlier task "
          + "(default 0).")
  double inhibitoryShare;

  @Option(names = "--inhibitory-balance", defaultValue = "1",
      description = "With inhibitory afferents: each output's summed inhibitory drive over its excitatory drive, "
          + "set by scaling its inhibitory weights (default 1: balanced).")
  double inhibitoryBalance;

  @Option(names = "--budget", defaultValue = "trainable",
      description = "What --keep counts: trainable (the synapses onto the outputs; the liquid's own stay) or all "
          + "(every recurrent synapse; the liquid's own are pruned too by their STDP pairing, the same share in "
          + "both groups) (default trainable).")
  String budget;

  @Option(names = "--liquid-score", defaultValue = "pairing",
      description = "With --budget all and the relevance or taylor selection, how the liquid's own synapses are "
          + "scored: pairing (their pre/post STDP pairing x |w|) or downstream (that times the postsynaptic "
          + "neuron's importance to the outputs) (default pairing).")
  String liquidScore;

  @Option(names = "--rule", defaultValue = "resume",
      description = "Timing rule: resume (ReSuMe on the free-running outputs) or perceptron (precise-timing "
          + "perceptron on the teacher-forced outputs, Memmesheimer et al. 2014) (default resume).")
  String rule;

  @Option(names = "--tolerance", defaultValue = "0",
      description = "Perceptron: steps just before a target without the below-threshold constraint (default 0: "
          + "exact, so that meeting every constraint reproduces the targets).")
  int tolerance;

  @Option(names = "--epochs", defaultValue = "400", description = "Training epochs (default 400).")
  int epochs;

  @Option(names = "--eta", defaultValue = "0.002", description = "ReSuMe learning rate (default 0.002).")
  double eta;

  @Option(names = "--trace-tau", defaultValue = "20", description = "ReSuMe / STDP trace tau in steps (default 20).")
  double traceTau;

  @Option(names = "--prune-until", defaultValue = "0.02",
      description = "Share of the epochs by whose end the kept share is reached (default 0.02: select early, then "
          + "train the survivors).")
  double pruneUntil;

  @Option(names = "--regrow-every", defaultValue = "5",
      description = "Epochs between regrowth rounds after the pruning phase; 0: no regrowth, the selection of "
          + "earlier versions (default 5).")
  int regrowEvery;

  @Option(names = "--regrow-share", defaultValue = "0.05",
      description = "Share of each output's live synapses swapped per regrowth round, rounded (default 0.05: one "
          + "of 20).")
  double regrowShare;

  @Option(names = "--regrow-until", defaultValue = "0.9",
      description = "Share of the epochs after which the topology is fixed (default 0.9).")
  double regrowUntil;

  @Option(names = "--keep", split = ",", defaultValue = "0.5",
      description = "Kept shares of the trainable synapses, e.g. 0.75,0.5,0.35,0.25 (default 0.5).")
  double[] keep;

  @Option(names = "--selection", split = ",", defaultValue = "relevance",
      description = "Selections, any of relevance (SA-STL), magnitude, random, taylor (|summed ReSuMe update| x |w|) "
          + "(default relevance).")
  String[] selections;

  @Option(names = "--seeds", defaultValue = "5", description = "Number of seeds (default 5).")
  int seeds;

  @Option(names = "--first-seed", defaultValue = "1",
      description = "First seed: seeds first..first+n-1 (default 1; development runs used 11..).")
  long firstSeed;

  @Option(names = "--progress-every", defaultValue = "50",
      description = "Epochs between progress lines on standard error; 1 for every epoch (default 50).")
  int progressEvery;

  @Option(names = "--rescale", negatable = true, defaultValue = "false",
      description = "After each pruning round, scale each output's surviving weights back to their summed |w| "
          + "before the round (default off).")
  boolean rescale;

  @Option(names = "--oracle",
      description = "Also train, per kept share, a student pre-pruned to the synapses the teacher weights most "
          + "(row 'oracle': a diagnostic reference that knows the teacher, not a learning method).")
  boolean oracle;

  @Option(names = "--csv", description = "Write one row per run to this CSV file.")
  Path csv;

  @Option(names = "--png", description = "Write the distance-vs-kept-share chart to this PNG file.")
  Path png;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  public LsmSaStlCommand() {}

  /** One training run. */
  private record Run(long seed, String selection, double keep, SaStl.Result result, double fullVanRossum) {}

  @Override
  public Integer call() throws IOException {
    List<SaStl.Selection> chosen = new ArrayList<>();
    for (String s : selections) {
      chosen.add(Choices.parse(SaStl.Selection.class, s, "--selection"));
    }
    SaStlTask.Targets targetKind = Choices.parse(SaStlTask.Targets.class, targets, "--targets");
    SaStl.Budget budgetKind = Choices.parse(SaStl.Budget.class, budget, "--budget");
    SaStl.Rule ruleKind = Choices.parse(SaStl.Rule.class, rule, "--rule");
    SaStl.LiquidScore liquidScoreKind = Choices.parse(SaStl.LiquidScore.class, liquidScore, "--liquid-score");
    List<Run> runs = new ArrayList<>();
    List<SaStl.Result> fulls = new ArrayList<>();
    List<double[]> silent = new ArrayList<>();
    for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
      SaStlTask task = SaStlTask.create(neurons, steps, outputs, afferents, outputRate, inputScale, teacherDensity,
          targetKind, inhibitoryShare, inhibitoryBalance, seed);
      silent.add(silentDistances(task));
      SaStl.Settings base = new SaStl.Settings(epochs, eta, 0, traceTau, 1, 2, pruneUntil, 5, 0.2,
          SaStl.Selection.RELEVANCE, seed, regrowEvery, regrowShare, regrowUntil, rescale, budgetKind)
          .withRule(ruleKind, tolerance).scoringLiquid(liquidScoreKind);
      SaStl.Result full = train(task, base, seed, "full", 1);
      fulls.add(full);
      runs.add(new Run(seed, "full", 1, full, full.finalVanRossum()));
      for (double k : keep) {
        if (k >= 1) {
          continue;
        }
        for (SaStl.Selection selection : chosen) {
          String name = selection.name().toLowerCase(Locale.ROOT);
          SaStl.Result r = train(task, base.keeping(k).selecting(selection, seed), seed, name, k);
          runs.add(new Run(seed, name, k, r, full.finalVanRossum()));
        }
        if (oracle) {
          SaStl.Result o = new SaStl(base).train(task.studentKeepingTeachersStrongest(k), task.outputs(),
              task.input(), task.targets());
          System.err.printf(Locale.ROOT, "sastl seed %d oracle keep %.2f van_rossum %.4f%n", seed, k,
              o.finalVanRossum());
          runs.add(new Run(seed, "oracle", k, o, full.finalVanRossum()));
        }
      }
    }
    ResultTable table = new ResultTable(List.of("seed", "selection", "keep_fraction", "kept_synapses",
        "trainable_synapses", "van_rossum_start", "van_rossum_end", "victor_purpura_start", "victor_purpura_end",
        "ratio_to_full", "recurrent_kept", "recurrent_total"));
    ObjectNode report = JsonReport.create("lsm sastl");
    ArrayNode rows = report.putArray("rows");
    for (Run run : runs) {
      SaStl.Result r = run.result();
      double ratio = r.finalVanRossum() / run.fullVanRossum();
      table.add(run.seed(), run.selection(), fmt(run.keep()), r.keptSynapses(), r.trainableSynapses(),
          fmt(r.initialVanRossum()), fmt(r.finalVanRossum()), fmt(r.victorPurpura().get(0)),
          fmt(r.finalVictorPurpura()), fmt(ratio), r.keptRecurrentSynapses(), r.recurrentSynapses());
      ObjectNode row = rows.addObject();
      row.put("seed", run.seed());
      row.put("selection", run.selection());
      row.put("keep_fraction", run.keep());
      row.put("kept_synapses", r.keptSynapses());
      row.put("trainable_synapses", r.trainableSynapses());
      row.put("van_rossum_start", r.initialVanRossum());
      row.put("van_rossum_end", r.finalVanRossum());
      row.put("victor_purpura_start", r.victorPurpura().get(0));
      row.put("victor_purpura_end", r.finalVictorPurpura());
      row.put("ratio_to_full", ratio);
      row.put("recurrent_synapses_kept", r.keptRecurrentSynapses());
      row.put("recurrent_synapses", r.recurrentSynapses());
    }
    System.out.println(table.render());
    Map<String, double[][]> summary = summarise(runs);
    ArrayNode summaryNode = report.putArray("summary");
    for (Map.Entry<String, double[][]> e : summary.entrySet()) {
      String[] key = e.getKey().split("@");
      double[][] v = e.getValue();
      ObjectNode s = summaryNode.addObject();
      s.put("selection", key[0]);
      s.put("keep_fraction", Double.parseDouble(key[1]));
      s.put("van_rossum_mean", v[0][0]);
      s.put("van_rossum_sd", v[0][1]);
      s.put("victor_purpura_mean", v[1][0]);
      s.put("victor_purpura_sd", v[1][1]);
      s.put("ratio_mean", v[2][0]);
      s.put("ratio_sd", v[2][1]);
      System.out.printf(Locale.ROOT, "%-9s keep %.2f: van Rossum %.3f +- %.3f, Victor-Purpura %.2f +- %.2f, "
          + "ratio to full %.3f +- %.3f%n", key[0], Double.parseDouble(key[1]), v[0][0], v[0][1], v[1][0], v[1][1],
          v[2][0], v[2][1]);
    }
    double firstKeep = keep[0];
    String firstSelection = firstKeep >= 1 ? "full" : chosen.get(0).name().toLowerCase(Locale.ROOT);
    List<Run> headline = runs.stream().filter(r -> r.selection().equals(firstSelection) && r.keep() == firstKeep)
        .toList();
    double start = mean(fulls.stream().mapToDouble(SaStl.Result::initialVanRossum).toArray());
    double distanceFull = mean(fulls.stream().mapToDouble(SaStl.Result::finalVanRossum).toArray());
    double distancePruned = mean(headline.stream().mapToDouble(r -> r.result().finalVanRossum()).toArray());
    report.put("task", (targetKind == SaStlTask.Targets.POISSON ? "random (Poisson) targets" : "teacher-student")
        + " (SaStlTask): liquid " + neurons + ", " + outputs + " outputs x " + afferents
        + " afferents (" + inhibitoryShare + " inhibitory), " + steps + " steps, input scale " + inputScale
        + ", teacher density " + teacherDensity);
    report.put("inhibitory_afferents", inhibitoryShare);
    report.put("inhibitory_balance", inhibitoryBalance);
    report.put("afferents", afferents);
    report.put("input_scale", inputScale);
    report.put("teacher_density", teacherDensity);
    // Learnability: an output that never fires is this far from the targets; a learner that does not beat it by
    // much has not learned the task, whatever its ratio to the pruned learner.
    double silentVr = mean(silent.stream().mapToDouble(v -> v[0]).toArray());
    report.put("distance_silent", silentVr);
    report.put("victor_purpura_silent", mean(silent.stream().mapToDouble(v -> v[1]).toArray()));
    report.put("full_over_silent", distanceFull / silentVr);
    report.put("targets", targetKind.name().toLowerCase(Locale.ROOT));
    report.put("budget", budgetKind.name().toLowerCase(Locale.ROOT));
    report.put("liquid_score", liquidScoreKind.name().toLowerCase(Locale.ROOT));
    report.put("rule", ruleKind.name().toLowerCase(Locale.ROOT));
    report.put("selection", firstSelection);
    report.put("keep_fraction", firstKeep);
    report.put("seeds", seeds);
    report.put("first_seed", firstSeed);
    report.put("regrow_every", regrowEvery);
    report.put("epochs", epochs);
    report.put("distance_start", start);
    report.put("distance_full", distanceFull);
    report.put("distance_pruned", distancePruned);
    report.put("ratio", distancePruned / distanceFull);
    report.put("learning_reduction", 1 - distanceFull / start);
    report.put("victor_purpura_start", mean(fulls.stream().mapToDouble(r -> r.victorPurpura().get(0)).toArray()));
    report.put("victor_purpura_full", mean(fulls.stream().mapToDouble(SaStl.Result::finalVictorPurpura).toArray()));
    report.put("victor_purpura_pruned",
        mean(headline.stream().mapToDouble(r -> r.result().finalVictorPurpura()).toArray()));
    int before = fulls.stream().mapToInt(SaStl.Result::trainableSynapses).sum();
    int after = headline.stream().mapToInt(r -> r.result().keptSynapses()).sum();
    report.put("synapses_before", before / seeds);
    report.put("synapses_after", after / seeds);
    report.put("recurrent_synapses_before", fulls.stream().mapToInt(SaStl.Result::recurrentSynapses).sum() / seeds);
    report.put("recurrent_synapses_after",
        headline.stream().mapToInt(r -> r.result().keptRecurrentSynapses()).sum() / seeds);
    // Per --keep value, first selection: mean over seeds of the mean distance of the last 10 recorded epochs.
    ArrayNode last10 = report.putArray("mean_van_rossum_last10");
    for (double k : keep) {
      String name = k >= 1 ? "full" : firstSelection;
      last10.add(mean(runs.stream().filter(r -> r.selection().equals(name) && r.keep() == (k >= 1 ? 1 : k))
          .mapToDouble(r -> r.result().meanVanRossumOfLast(10)).toArray()));
    }
    // The target asks for at most 50 % of the recurrent synapses: with --budget trainable that is only the share of
    // the synapses onto the outputs, so the JSON also says whether all recurrent synapses are within it.
    report.put("recurrent_share_kept", (double) headline.stream().mapToInt(r -> r.result().keptRecurrentSynapses())
        .sum() / fulls.stream().mapToInt(SaStl.Result::recurrentSynapses).sum());
    report.put("target_met", firstKeep <= 0.5 && distancePruned <= 1.1 * distanceFull);
    if (csv != null) {
      table.writeCsv(csv);
      report.put("csv", StagedOutput.shown(csv).toString());
    }
    if (png != null) {
      chart(summary, png, budgetKind == SaStl.Budget.ALL ? "share of all recurrent synapses kept"
          : "share of trainable synapses (onto the outputs) kept",
          targetKind == SaStlTask.Targets.POISSON ? "random (Poisson) targets" : "teacher targets");
      report.put("chart", StagedOutput.shown(png).toString());
    }
    if (json) {
      JsonReport.printLine(report, System.out);
    }
    return 0;
  }

  /** Mean over outputs of the van Rossum and Victor-Purpura distances from a silent output to the targets. */
  private static double[] silentDistances(SaStlTask task) {
    double vr = 0;
    double vp = 0;
    int n = task.outputs().length;
    for (int o = 0; o < n; o++) {
      int[] target = task.targets().train(o).times();
      vr += VanRossumDistance.distance(new int[0], target, 5);
      vp += VictorPurpuraDistance.distance(new int[0], target, 0.2);
    }
    return new double[] {vr / n, vp / n};
  }

  private SaStl.Result train(SaStlTask task, SaStl.Settings settings, long seed, String name, double k) {
    int every = Math.max(1, progressEvery);
    return new SaStl(settings).train(task.student(), task.outputs(), task.input(), task.targets(),
        (epoch, vr, vp, live) -> {
          if (epoch % every == 0 || epoch == settings.epochs()) {
            System.err.printf(Locale.ROOT, "sastl seed %d %s keep %.2f epoch %d/%d van_rossum %.4f "
                + "victor_purpura %.3f live %d%n", seed, name, k, epoch, settings.epochs(), vr, vp, live);
          }
        });
  }

  /** Per "selection@keep": {van Rossum, Victor-Purpura, ratio} x {mean, sd}; "full" rows join every selection. */
  private static Map<String, double[][]> summarise(List<Run> runs) {
    Map<String, List<Run>> groups = new LinkedHashMap<>();
    for (Run run : runs) {
      groups.computeIfAbsent(run.selection() + "@" + run.keep(), k -> new ArrayList<>()).add(run);
    }
    Map<String, double[][]> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Run>> e : groups.entrySet()) {
      List<Run> g = e.getValue();
      double[] vr = g.stream().mapToDouble(r -> r.result().finalVanRossum()).toArray();
      double[] vp = g.stream().mapToDouble(r -> r.result().finalVictorPurpura()).toArray();
      double[] ratio = g.stream().mapToDouble(r -> r.result().finalVanRossum() / r.fullVanRossum()).toArray();
      out.put(e.getKey(), new double[][] {{mean(vr), sd(vr)}, {mean(vp), sd(vp)}, {mean(ratio), sd(ratio)}});
    }
    return out;
  }

  /** Mean van Rossum distance (error bars: sd over seeds) against kept share, one series per selection. */
  private static void chart(Map<String, double[][]> summary, Path file, String xTitle, String taskName)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(900).height(540)
        .title("SA-STL (" + taskName + "): distance to target vs share of synapses kept")
        .xAxisTitle(xTitle).yAxisTitle("van Rossum distance (mean +- sd)").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    double[][] full = summary.get("full@1.0");
    Map<String, List<double[]>> series = new LinkedHashMap<>();
    for (Map.Entry<String, double[][]> e : summary.entrySet()) {
      String[] key = e.getKey().split("@");
      if (!key[0].equals("full")) {
        series.computeIfAbsent(key[0], k -> new ArrayList<>(List.of(new double[] {1, full[0][0], full[0][1]})))
            .add(new double[] {Double.parseDouble(key[1]), e.getValue()[0][0], e.getValue()[0][1]});
      }
    }
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      List<double[]> points = e.getValue();
      points.sort((a, b) -> Double.compare(a[0], b[0]));
      XYSeries s = chart.addSeries(e.getKey(), points.stream().mapToDouble(p -> p[0]).toArray(),
          points.stream().mapToDouble(p -> p[1]).toArray(), points.stream().mapToDouble(p -> p[2]).toArray());
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    ReferenceLine.dashed(chart, "unpruned + 10 %", 0.2, 1, 1.1 * full[0][0]);
    PngFile.save(chart, file);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  private static double sd(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
