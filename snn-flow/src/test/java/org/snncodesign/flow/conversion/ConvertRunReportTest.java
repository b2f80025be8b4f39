package org.snncodesign.flow.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.conversion.attention.LayerError;
import org.snncodesign.conversion.attention.SpikedAttentionReport;
import org.snncodesign.conversion.snn.ConversionReport;

class ConvertRunReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ConversionReport REPORT = ConversionCsvTest.report("lenet.onnx");

  /** The conversion report's JSON without its schema version, which the command report states. */
  private static ObjectNode reportFields(String json) throws Exception {
    ObjectNode fields = (ObjectNode) MAPPER.readTree(json);
    fields.remove("schema_version");
    return fields;
  }

  private static List<String> names(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  @DisplayName(
      "a CNN's report is the last read-out's fields, then report_schema_version, the graph name, the"
          + " data set's hash, the input normalisation and the backend's fields, nulls left out")
  void cnnFields() throws Exception {
    CnnConversion.Result result =
        new CnnConversion.Result(
            List.of(ConversionCsvTest.report("first"), REPORT),
            "torch_jit",
            "ab".repeat(32),
            CnnConversion.AppliedNormalization.of(
                InputNormalization.of(new float[] {0.1307f}, new float[] {0.3081f}),
                "folded into layer 'conv1'"),
            "cpu-gustavson",
            null,
            null,
            113570080L,
            28L);
    ObjectNode json = MAPPER.valueToTree(ConvertRunReport.of(result));

    ObjectNode expected = reportFields(REPORT.toJson());
    expected.put("report_schema_version", ConversionReport.SCHEMA_VERSION);
    expected.put("graph_name", "torch_jit");
    expected.put("dataset_sha256", "ab".repeat(32));
    ObjectNode normalization = expected.putObject("input_normalization");
    normalization.put("pixel_scale", 255f);
    normalization.putArray("mean").add(0.1307f);
    normalization.putArray("std").add(0.3081f);
    normalization.put("applied", "folded into layer 'conv1'");
    expected.put("backend", "cpu-gustavson");
    expected.put("kernel_adds", 113570080L);
    expected.put("kernel_calls", 28L);
    assertThat(names(json)).containsExactlyElementsOf(names(expected));
    assertThat(MAPPER.writeValueAsString(json)).isEqualTo(MAPPER.writeValueAsString(expected));
    assertThat(MAPPER.writeValueAsString(json)).contains("\"mean\":[0.1307]");
  }

  @Test
  @DisplayName(
      "a vision transformer's report is its SpikedAttention report's fields, schema_version moved to"
          + " report_schema_version at the end")
  void vitFields() throws Exception {
    SpikedAttentionReport vit =
        new SpikedAttentionReport(
            REPORT,
            23,
            List.of(
                new LayerError("embedding", 0.05, 0.01, 51200),
                new LayerError("logits", 0.13, 0.12, 1000)));
    ObjectNode expected = reportFields(vit.toJson());
    expected.put("report_schema_version", ConversionReport.SCHEMA_VERSION);

    ObjectNode json = MAPPER.valueToTree(ConvertRunReport.of(vit));
    assertThat(names(json)).containsExactlyElementsOf(names(expected));
    assertThat(MAPPER.writeValueAsString(json)).isEqualTo(MAPPER.writeValueAsString(expected));
    assertThat(names(json)).endsWith("arch", "windows", "layer_errors", "report_schema_version");
    assertThat(json.get("layer_errors").get(1).get("relative_rms_error").asDouble())
        .isEqualTo(0.13);
  }
}
