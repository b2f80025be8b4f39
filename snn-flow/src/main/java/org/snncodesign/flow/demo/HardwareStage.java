package org.snncodesign.flow.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.flow.report.BarChart;
import org.snncodesign.flow.report.ResultTable;
import org.snncodesign.flow.search.DesignRow;
import org.snncodesign.flow.search.PricedDesign;
import org.snncodesign.fpga.resources.FpgaResources;
import org.snncodesign.fpga.search.ComparedDesign;
import org.snncodesign.fpga.search.DesignPointComparison;
import org.snncodesign.fpga.search.SearchSettings;

/**
 * Prices the measured inferences on every accelerator model found, like with like: each model at
 * its default design and at the least-EDP design of a quick seeded co-search on the mean inference
 * (Zynq-7020 budget), side by side, with the 45 nm energy table; a model that cannot run the
 * network is listed as declined with its reason. Each inference is evaluated on its own (weights
 * are fetched per inference, as a model decides) and the figures are summed, run one after another.
 * Energies are dynamic unless the demo was asked to include static energy. Writes {@code
 * hardware.csv} (one row per model and design point, with the row's assumption) and {@code
 * hardware-edp.png} (its title states the design points and the static energy policy).
 */
public final class HardwareStage implements DemoStage<HardwareStage.Figures> {

  /**
   * What the pricing rests on, and one line per model and design point.
   *
   * @param inferences inferences priced, one after another
   * @param layers the network's layers, comma-separated
   * @param energyTable the energy table's name
   * @param energyTableCitation where its figures come from
   * @param technologyNode its technology node
   * @param staticEnergy whether energies include static energy, in words
   * @param designs each model's default and co-searched design, declined ones with their reason
   * @param failures why pricing failed, by {@code accelerator design-point}; left out when none did
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Figures(
      int inferences,
      String layers,
      String energyTable,
      String energyTableCitation,
      String technologyNode,
      String staticEnergy,
      List<Design> designs,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> failures) {
    /** Keeps the designs and failures read-only, the failures in the order they happened. */
    public Figures {
      designs = List.copyOf(designs);
      failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }
  }

  /**
   * One design as the demo reports it: the figures a reader compares ({@link
   * org.snncodesign.flow.report.HardwareFigures#headline()}, not every counter) and the energy of
   * one inference.
   *
   * @param row the design's row, its figures without detail; no figures when declined
   * @param energyPerInferencePj energy per inference; null when the model declined
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Design(@JsonUnwrapped DesignRow row, Double energyPerInferencePj) {}

  /**
   * One workload per inference, with measured spikes and weights, from the software run, and their
   * mean (the workload the co-search sizes each design for).
   */
  public record Inferences(List<Workload> workloads, Workload mean) {
    /** Checks that there is at least one inference and a mean. */
    public Inferences {
      workloads = List.copyOf(workloads);
      Checks.checkArgument(!workloads.isEmpty(), "no inferences to price");
      Checks.checkArgument(mean != null, "the mean inference must be given");
    }
  }

  /** The inferences to price, handed on by the software run. */
  public static final DemoContext.Key<Inferences> INFERENCES =
      new DemoContext.Key<>("inferences", Inferences.class);

  /** Whether energies include static energy; excluded when no stage set it. */
  public static final DemoContext.Key<StaticPower> STATIC_POWER =
      new DemoContext.Key<>("static-power", StaticPower.class);

  private static final String BUDGET = "zynq-7020";

  @Override
  public String name() {
    return "hardware";
  }

  @Override
  public String description() {
    return "cost of the measured workload on every accelerator model, default and co-searched designs";
  }

  @Override
  public Figures run(DemoContext context) throws Exception {
    Inferences inferences = context.get(INFERENCES);
    StaticPower staticPower = context.find(STATIC_POWER).orElse(StaticPower.EXCLUDED);
    int count = inferences.workloads().size();
    EnergyTable energy = EnergyTable.HOROWITZ_45NM;
    List<Accelerator> accelerators =
        new ArrayList<>(context.plugins().providers(Accelerator.class));
    accelerators.sort(Comparator.comparing(Accelerator::name));
    List<ComparedDesign> designs =
        new DesignPointComparison(
                energy,
                FpgaResources.device(BUDGET),
                BUDGET,
                SearchSettings.QUICK
                    .withSeed(context.seed())
                    .withThreads(1)
                    .withStaticPower(staticPower))
            .compare(accelerators, inferences.mean());
    ResultTable table =
        new ResultTable(
            List.of(
                "accelerator",
                "design_point",
                "cycles",
                "latency_us",
                "energy_nj",
                "energy_per_inference_nj",
                "static_nj",
                "edp_pj_s",
                "bottleneck",
                "assumption"));
    List<Design> rows = new ArrayList<>();
    Map<String, String> failures = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    List<Double> edps = new ArrayList<>();
    for (PricedDesign priced :
        PricedDesign.priceAll(designs, inferences.workloads(), energy, staticPower)) {
      ComparedDesign design = priced.design();
      if (priced.declined()) {
        rows.add(new Design(DesignRow.of(priced), null));
        table.add(
            design.accelerator(),
            design.point().label(),
            "",
            "",
            "",
            "",
            "",
            "",
            "declined",
            design.assumption());
        continue;
      }
      if (priced.failure().isPresent()) {
        context
            .progress()
            .println("  " + design.accelerator() + " failed: " + priced.failure().get());
        failures.put(design.accelerator() + " " + design.point().label(), priced.failure().get());
        continue;
      }
      HardwareReport total = priced.report().orElseThrow();
      rows.add(new Design(DesignRow.of(priced).headline(), total.energyPicojoules() / count));
      table.add(
          design.accelerator(),
          design.point().label(),
          total.cycles(),
          total.latencySeconds() * 1e6,
          total.energyPicojoules() * 1e-3,
          total.energyPicojoules() * 1e-3 / count,
          total.energy().staticPicojoules() * 1e-3,
          total.energyDelayProduct() * 1e12,
          total.bottleneck(),
          design.assumption());
      names.add(design.accelerator() + " " + design.point().label());
      edps.add(total.energyDelayProduct() * 1e12);
    }
    context.progress().print(table.render().indent(2));
    table.writeCsv(context.outputFolder().resolve("hardware.csv"));
    if (!names.isEmpty()) {
      BarChart.write(
          context.outputFolder().resolve("hardware-edp.png"),
          "EDP of "
              + count
              + " digits inferences: "
              + "default and quick co-searched designs, "
              + energy.name()
              + ", static energy "
              + (staticPower == StaticPower.INCLUDED ? "included" : "excluded"),
          "EDP (pJ s)",
          names,
          edps);
    }
    return new Figures(
        count,
        String.join(
            ", ",
            inferences.workloads().get(0).layers().stream().map(LayerWorkload::name).toList()),
        energy.name(),
        energy.citation(),
        energy.technologyNode(),
        staticPower == StaticPower.INCLUDED ? "included" : "excluded (reported apart)",
        rows,
        failures);
  }
}
