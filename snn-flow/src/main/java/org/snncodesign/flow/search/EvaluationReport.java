package org.snncodesign.flow.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.flow.measure.MeasuredWorkload;
import org.snncodesign.flow.report.DatasetName;
import org.snncodesign.flow.report.FireFlyReport;

/**
 * What {@code snn hw evaluate} reports: one workload priced on several accelerator designs side by
 * side ({@link PricedDesign}), with what the figures rest on; Jackson writes it with snake-case
 * keys in this order.
 *
 * @param workload the workload's name
 * @param energyModel the energy table's name
 * @param technologyNode its technology node
 * @param staticEnergy whether static energy is in the energies and EDPs, in words
 * @param firstLayer how the analog first layer was priced ({@link
 *     MeasuredWorkload#firstLayerNote()})
 * @param dataset the data set the network ran on; null for synthetic workloads
 * @param layers the workload's layers
 * @param reports one row per design, in comparison order
 * @param fireFly the {@code firefly-s} model next to its published efficiency; null when {@code
 *     firefly-s} was not evaluated
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(
    String workload,
    String energyModel,
    String technologyNode,
    String staticEnergy,
    String firstLayer,
    @JsonUnwrapped DatasetName dataset,
    int layers,
    List<DesignRow> reports,
    @JsonProperty("firefly_s_vs_published") FireFlyReport fireFly) {

  /**
   * The report of {@code priced}, every design priced on {@code measured} with {@code energy} under
   * {@code staticPower}.
   */
  public static EvaluationReport of(
      MeasuredWorkload measured,
      DatasetName dataset,
      EnergyTable energy,
      StaticPower staticPower,
      List<PricedDesign> priced,
      FireFlyReport fireFly) {
    return new EvaluationReport(
        measured.priced().name(),
        energy.name(),
        energy.technologyNode(),
        staticEnergy(staticPower),
        measured.firstLayerNote(),
        dataset,
        measured.priced().layers().size(),
        priced.stream().map(DesignRow::of).toList(),
        fireFly);
  }

  /**
   * How reports state {@code staticPower}: {@code included} or {@code excluded (reported apart)}.
   */
  public static String staticEnergy(StaticPower staticPower) {
    return staticPower == StaticPower.INCLUDED ? "included" : "excluded (reported apart)";
  }

  /** The rows whose pricing failed. */
  public List<DesignRow> failures() {
    return reports.stream().filter(DesignRow::failed).toList();
  }
}
