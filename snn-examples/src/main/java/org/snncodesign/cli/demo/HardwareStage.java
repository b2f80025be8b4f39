package org.snncodesign.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.cli.report.BarChart;
import org.snncodesign.cli.report.ResultTable;

/**
 * Prices the measured inferences on every accelerator model found, side by side: cycles, latency, energy and
 * energy-delay product, with the 45 nm energy table. Each inference is evaluated on its own (weights are fetched
 * per inference, as a model decides) and the figures are summed, run one after another. Writes
 * {@code hardware.csv} and {@code hardware-edp.png}.
 */
public final class HardwareStage implements DemoStage {
  /** One workload per inference, with measured spikes and weights, from the software run. */
  public record Inferences(List<Workload> workloads) {
    public Inferences {
      workloads = List.copyOf(workloads);
      Checks.checkArgument(!workloads.isEmpty(), "no inferences to price");
    }
  }

  public static final DemoContext.Key<Inferences> INFERENCES = new DemoContext.Key<>("inferences", Inferences.class);

  @Override
  public String name() {
    return "hardware";
  }

  @Override
  public String description() {
    return "cost of the measured workload on every accelerator model (cycles, energy, EDP)";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    List<Workload> inferences = context.get(INFERENCES).workloads();
    int count = inferences.size();
    ObjectNode results = context.results(this);
    results.put("inferences", count);
    results.put("layers", String.join(", ", inferences.get(0).layers().stream().map(LayerWorkload::name).toList()));
    results.put("energy_table", EnergyTable.HOROWITZ_45NM.name());
    results.put("energy_table_citation", EnergyTable.HOROWITZ_45NM.citation());
    ResultTable table = new ResultTable(List.of("accelerator", "cycles", "latency_us", "energy_nj",
        "energy_per_inference_nj", "edp_pj_s", "bottleneck"));
    List<Accelerator> accelerators = new ArrayList<>(context.plugins().providers(Accelerator.class));
    accelerators.sort(Comparator.comparing(Accelerator::name));
    ObjectNode perModel = results.putObject("accelerators");
    List<String> names = new ArrayList<>();
    List<Double> edps = new ArrayList<>();
    for (Accelerator accelerator : accelerators) {
      Total total;
      try {
        total = Total.of(accelerator, inferences);
      } catch (RuntimeException e) {
        // One model that cannot price this workload must not hide the others.
        context.progress().println("  " + accelerator.name() + " failed: " + e.getMessage());
        results.with("failures").put(accelerator.name(), String.valueOf(e.getMessage()));
        continue;
      }
      ObjectNode node = perModel.putObject(accelerator.name());
      node.put("cycles", total.cycles);
      node.put("latency_s", total.latencySeconds);
      node.put("energy_pj", total.energyPicojoules);
      node.put("energy_per_inference_pj", total.energyPicojoules / count);
      node.put("edp_js", total.edp());
      node.put("bottleneck", total.bottleneck);
      table.add(accelerator.name(), total.cycles, total.latencySeconds * 1e6, total.energyPicojoules * 1e-3,
          total.energyPicojoules * 1e-3 / count, total.edp() * 1e12, total.bottleneck);
      names.add(accelerator.name());
      edps.add(total.edp() * 1e12);
    }
    context.progress().print(table.render().indent(2));
    if (!names.isEmpty()) {
      table.writeCsv(context.outputFolder().resolve("hardware.csv"));
      BarChart.write(context.outputFolder().resolve("hardware-edp.png"),
          "Energy-delay product, " + count + " digits inferences", "EDP (pJ s)", names, edps);
    }
  }

  /** An accelerator's figures summed over inferences run one after another. */
  private record Total(long cycles, double latencySeconds, double energyPicojoules, String bottleneck) {
    static Total of(Accelerator accelerator, List<Workload> inferences) {
      long cycles = 0;
      double latency = 0;
      double energy = 0;
      Map<String, Integer> bottlenecks = new TreeMap<>();
      for (Workload workload : inferences) {
        HardwareReport report = accelerator.evaluate(workload, EnergyTable.HOROWITZ_45NM);
        cycles += report.cycles();
        latency += report.latencySeconds();
        energy += report.energyPicojoules();
        bottlenecks.merge(report.bottleneck(), 1, Integer::sum);
      }
      String most = bottlenecks.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      return new Total(cycles, latency, energy, most);
    }

    double edp() {
      return energyPicojoules * 1e-12 * latencySeconds;
    }
  }
}
