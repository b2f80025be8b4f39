package org.snncodesign.cli.spmm;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.SpmmReport;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.spmm.study.SpmmLayer;
import org.snncodesign.spmm.study.SpmmStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn spmm}: the {@link SpmmStudy} of one spiking layer {@code S (rows x K) x W (K x M)} on
 * the row-wise SpikedGustavson model and the dense-array and outer-product baselines, for every
 * pair of weight sparsity and spike rate asked for, so the table shows where row-wise wins.
 * Operands are seeded synthetic matrices (exact per-row profile) unless {@code --statistics} asks
 * for the expected-value form.
 */
@Command(
    name = "spmm",
    mixinStandardHelpOptions = true,
    description =
        "Compare the SpikedGustavson SpMM accelerator model with dense-array and outer-product baselines.")
public final class SpmmCommand implements Callable<Integer> {
  /** The models compared, in table order. */
  static final List<String> MODELS = List.of("spiked-gustavson", "dense-array", "outer-product");

  private final PluginRegistry registry;

  @Option(
      names = "--sparsity",
      split = ",",
      description =
          "Weight sparsity (fraction of zero weights); list allowed. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.9")
  List<Double> sparsity = new ArrayList<>();

  @Option(
      names = "--spike-rate",
      split = ",",
      description =
          "Fraction of (row, input) cells that spike; list allowed. Default: ${DEFAULT-VALUE}.",
      defaultValue = "0.05")
  List<Double> spikeRates = new ArrayList<>();

  @Option(
      names = "--rows",
      description = "Rows of S (time steps x batch). Default: ${DEFAULT-VALUE}.",
      defaultValue = "256")
  int rows;

  @Option(
      names = "--inputs",
      description = "K, presynaptic neurons. Default: ${DEFAULT-VALUE}.",
      defaultValue = "1024")
  int inputs;

  @Option(
      names = "--outputs",
      description = "M, postsynaptic neurons. Default: ${DEFAULT-VALUE}.",
      defaultValue = "1024")
  int outputs;

  @Option(
      names = "--weight-bits",
      description = "Bits per stored weight. Default: ${DEFAULT-VALUE}.",
      defaultValue = "8")
  int weightBits;

  @Option(
      names = "--seed",
      description = "Seed of the synthetic operands. Default: ${DEFAULT-VALUE}.",
      defaultValue = "42")
  long seed;

  @Option(
      names = "--statistics",
      description = "Use expected per-row figures instead of seeded synthetic operands.")
  boolean statistics;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Option(names = "--csv", description = "Also write the table as CSV to this file.")
  Path csv;

  @Inject
  public SpmmCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    PrintStream err = System.err;
    List<Accelerator> models = new ArrayList<>();
    for (String name : MODELS) {
      models.add(registry.require(Accelerator.class, name));
    }
    for (double s : sparsity) {
      check(s >= 0 && s <= 1, "--sparsity must be in [0, 1], got " + s);
    }
    for (double r : spikeRates) {
      check(r >= 0 && r <= 1, "--spike-rate must be in [0, 1], got " + r);
    }
    check(rows > 0 && inputs > 0 && outputs > 0, "--rows, --inputs and --outputs must be > 0");
    check(
        weightBits >= 1 && weightBits <= 32, "--weight-bits must be in [1, 32], got " + weightBits);
    SpmmStudy study =
        new SpmmStudy(
            new SpmmLayer(rows, inputs, outputs, seed),
            weightBits,
            statistics ? SpmmStudy.Operands.STATISTICS : SpmmStudy.Operands.SYNTHETIC,
            sparsity,
            spikeRates);
    EnergyTable energy = EnergyTable.HOROWITZ_45NM;
    if (!json) {
      out.printf(
          "S %d x %d (binary spikes) x W %d x %d (%d-bit weights), energy %s%n",
          rows, inputs, inputs, outputs, weightBits, energy.name());
    }
    SpmmReport report = SpmmReport.run(study, models, energy, err);
    if (!json) {
      out.printf(
          "%-9s %-6s %-17s %12s %10s %14s %12s %-8s%n",
          "w-sparse",
          "rate",
          "model",
          "cycles",
          "latency_us",
          "energy_nJ",
          "dram_bytes",
          "bottleneck");
      for (SpmmReport.Result result : report.results()) {
        result
            .models()
            .forEach(
                (model, f) ->
                    out.printf(
                        "%-9.4f %-6.4f %-17s %12d %10.2f %14.2f %12.0f %-8s%n",
                        result.weightSparsity(),
                        result.spikeRate(),
                        model,
                        f.cycles(),
                        f.latencyS() * 1e6,
                        f.energyPj() / 1000,
                        f.dramBytes(),
                        f.bottleneck()));
      }
    }
    if (csv != null) {
      report.writeCsv(csv);
      err.println("spmm: wrote " + StagedOutput.shown(csv));
    }
    if (json) {
      JsonReport.printLine(JsonReport.of("spmm", report), out);
    }
    return 0;
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
