package org.snncodesign.fpga.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.DesignSpace;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;
import org.snncodesign.fpga.resources.FpgaResources;

/**
 * Compares accelerator models like with like: for each model, its default design and the least-EDP
 * design a quick {@link CoSearch} of its own {@linkplain Accelerator#designSpace() design space}
 * finds for the same workload, under the same budget, energy model and static power policy, each
 * row stating its assumption. A model that declines the workload gets one row with its reason; a
 * model without a design space gets its default row only.
 *
 * <p>Comparing default designs alone ranks models by how well their defaults happen to fit the
 * workload (a 16 x 16 array for a 64-128-64-10 network, say); the searched rows show what each
 * architecture can do when sized for it. The search is seeded, so the rows are the same on every
 * run.
 */
public final class DesignPointComparison {
  private final EnergyModel energy;
  private final FpgaResources budget;
  private final String budgetName;
  private final SearchSettings settings;

  /**
   * @param energy prices every design
   * @param budget FPGA resources every searched design must fit (models without FPGA resources
   *     always fit; their spaces hold their own budget)
   * @param budgetName the budget's name, for the rows' assumptions
   * @param settings the search's size, seed and static power policy, e.g. {@link
   *     SearchSettings#QUICK}
   */
  public DesignPointComparison(
      EnergyModel energy, FpgaResources budget, String budgetName, SearchSettings settings) {
    Checks.checkArgument(
        energy != null && budget != null && budgetName != null && settings != null,
        "energy, budget, budget name and settings must be given");
    this.energy = energy;
    this.budget = budget;
    this.budgetName = budgetName;
    this.settings = settings;
  }

  /**
   * The rows for {@code accelerators} in the given order, the searched design right after its
   * default, the search run on {@code workload}.
   */
  public List<ComparedDesign> compare(List<Accelerator> accelerators, Workload workload) {
    List<ComparedDesign> rows = new ArrayList<>();
    for (Accelerator accelerator : accelerators) {
      WorkloadMapping mapping = accelerator.mapping(workload);
      if (!mapping.supported()) {
        rows.add(
            new ComparedDesign(
                accelerator.name(),
                ComparedDesign.DesignPoint.DEFAULT,
                Optional.empty(),
                "declined: " + mapping.statement()));
        continue;
      }
      Optional<DesignSpace> space = accelerator.designSpace();
      rows.add(
          new ComparedDesign(
              accelerator.name(),
              ComparedDesign.DesignPoint.DEFAULT,
              Optional.of(accelerator),
              "default design"
                  + (space.isEmpty() ? " (no design space to search)" : "")
                  + "; "
                  + mapping.statement()));
      if (space.isPresent()) {
        SearchResult result =
            new CoSearch(space.get(), budget, settings)
                .run(workload, energy, accelerator, line -> {});
        Accelerator best = space.get().build(result.best().genes(), workload);
        rows.add(
            new ComparedDesign(
                accelerator.name(),
                ComparedDesign.DesignPoint.SEARCHED,
                Optional.of(best),
                String.format(
                    Locale.ROOT,
                    "least EDP of %d designs, quick co-search (seed %d, %s, static %s)" + "; %s",
                    result.evaluated().size(),
                    settings.seed(),
                    budgetName,
                    settings.staticPower().name().toLowerCase(Locale.ROOT),
                    best.mapping(workload).statement())));
      }
    }
    return rows;
  }
}
