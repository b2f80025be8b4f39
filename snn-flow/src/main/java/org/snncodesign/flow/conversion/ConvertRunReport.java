package org.snncodesign.flow.conversion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.snncodesign.conversion.attention.LayerError;
import org.snncodesign.conversion.attention.SpikedAttentionReport;
import org.snncodesign.conversion.snn.ConversionReport;

/**
 * What {@code snn convert} reports: the conversion report's fields (flat, as {@link
 * ConversionReport} names them, its {@code schema_version} as {@code report_schema_version} so that
 * it does not stand for the command report's), a vision transformer's time windows and per-layer
 * errors, then a CNN run's graph name, data-set hash, input normalisation and backend ({@link
 * CnnConversion.Result}). Jackson writes it with snake-case keys in this order; what a run does not
 * have (the transformer's fields for a CNN, the CNN's for a transformer, a backend's fields other
 * backends lack) is left out.
 *
 * @param conversion the converted network's figures (the full run's, for a rate-coded CNN)
 * @param arch {@code vit} for a vision transformer, null for a CNN
 * @param windows a transformer's layer windows on the critical path, null for a CNN
 * @param layerErrors a transformer's per-layer errors, null for a CNN
 * @param reportSchemaVersion the conversion report's layout version
 * @param cnn a CNN run's own fields, null for a transformer
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConvertRunReport(
    @JsonUnwrapped @JsonIgnoreProperties("schema_version") ConversionReport conversion,
    String arch,
    Integer windows,
    List<LayerError> layerErrors,
    int reportSchemaVersion,
    @JsonUnwrapped CnnConversion.Result cnn) {

  /** The report of a CNN conversion: its last read-out's figures and the run's fields. */
  public static ConvertRunReport of(CnnConversion.Result result) {
    ConversionReport report = result.report();
    return new ConvertRunReport(report, null, null, null, report.schemaVersion(), result);
  }

  /** The report of a vision transformer's conversion. */
  public static ConvertRunReport of(SpikedAttentionReport report) {
    return new ConvertRunReport(
        report.base(),
        report.arch(),
        report.windows(),
        report.layerErrors(),
        report.base().schemaVersion(),
        null);
  }
}
