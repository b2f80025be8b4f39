package org.snncodesign.conversion.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * One PyTorch export of {@code src/test/resources/onnx/pytorch/export_models.py}: the ONNX file and
 * the samples and logits PyTorch computed for it.
 *
 * @param name model name (file stem)
 * @param onnx the ONNX file
 * @param inputs input samples, flattened
 * @param logits PyTorch's logits per sample
 * @param json the whole record, for model-specific fields
 */
record PyTorchFixture(String name, Path onnx, float[][] inputs, double[][] logits, JsonNode json) {

  static PyTorchFixture load(String name) {
    try {
      Path folder =
          Path.of(PyTorchFixture.class.getResource("/onnx/pytorch/" + name + ".onnx").toURI())
              .getParent();
      JsonNode json = new ObjectMapper().readTree(folder.resolve(name + ".json").toFile());
      JsonNode in = json.get("inputs");
      float[][] inputs = new float[in.size()][];
      double[][] logits = new double[in.size()][];
      for (int s = 0; s < in.size(); s++) {
        inputs[s] = new float[in.get(s).size()];
        for (int i = 0; i < inputs[s].length; i++) {
          inputs[s][i] = (float) in.get(s).get(i).asDouble();
        }
        JsonNode out = json.get("logits").get(s);
        logits[s] = new double[out.size()];
        for (int k = 0; k < logits[s].length; k++) {
          logits[s][k] = out.get(k).asDouble();
        }
      }
      return new PyTorchFixture(name, folder.resolve(name + ".onnx"), inputs, logits, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("fixture " + name + " is missing; run export_models.py", e);
    }
  }
}
