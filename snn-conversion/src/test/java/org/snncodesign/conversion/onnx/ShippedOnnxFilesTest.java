package org.snncodesign.conversion.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.BatchNormLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * Files written by the official {@code onnx} package ({@code src/test/resources/onnx/generate.py}),
 * so the reader is checked against the real schema rather than against the test writer's reading of
 * it.
 */
class ShippedOnnxFilesTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ShippedOnnxFilesTest.class.getResource("/onnx/" + name).toURI());
  }

  @Test
  @DisplayName(
      "A CNN written by the onnx package imports and reproduces the logits numpy computed for it")
  void smallCnnMatchesNumpy() throws Exception {
    AnnModel model = OnnxImporter.read(resource("small_cnn.onnx"));
    assertThat(model.name()).isEqualTo("small_cnn");
    assertThat(model.inputShape()).isEqualTo(new TensorShape(1, 12, 12));
    assertThat(model.layers())
        .extracting(l -> (Class) l.getClass())
        .containsExactly(
            Conv2dLayer.class,
            BatchNormLayer.class,
            ReluLayer.class,
            AvgPoolLayer.class,
            Conv2dLayer.class,
            ReluLayer.class,
            FlattenLayer.class,
            DenseLayer.class);
    assertThat(((Conv2dLayer) model.layers().get(4)).stride()).isEqualTo(2);

    JsonNode expected = new ObjectMapper().readTree(resource("small_cnn_expected.json").toFile());
    AnnNetwork net = new AnnNetwork(model);
    AnnWorkspace ws = net.newWorkspace();
    for (int s = 0; s < expected.get("inputs").size(); s++) {
      JsonNode in = expected.get("inputs").get(s);
      float[] x = new float[in.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) in.get(i).asDouble();
      }
      float[] y = net.forward(ws, x, 0);
      JsonNode logits = expected.get("logits").get(s);
      assertThat(y).hasSize(logits.size());
      for (int k = 0; k < y.length; k++) {
        assertThat((double) y[k])
            .as("logit %d of sample %d", k, s)
            .isCloseTo(logits.get(k).asDouble(), within(1e-5));
      }
    }
  }

  @Test
  @DisplayName(
      "An LSTM written by the onnx package is rejected naming the operator and the node 'lstm_0'")
  void lstmRejected() throws Exception {
    Path file = resource("lstm.onnx");
    assertThatThrownBy(() -> OnnxImporter.read(file))
        .isInstanceOf(OnnxImportException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unsupported ONNX operator 'LSTM' in node 'lstm_0'");
  }
}
