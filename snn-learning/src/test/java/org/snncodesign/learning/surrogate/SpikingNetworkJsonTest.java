package org.snncodesign.learning.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;

class SpikingNetworkJsonTest {

  @Test
  @DisplayName(
      "a network with awkward floats (subnormal, extreme, negative zero) reloads bit for bit")
  void bitExactRoundTrip(@TempDir Path dir) throws Exception {
    Random random = new Random(5);
    float[] w = new float[12 * 7];
    for (int i = 0; i < w.length; i++) {
      w[i] = Float.intBitsToFloat(random.nextInt());
      if (!Float.isFinite(w[i])) {
        w[i] = random.nextFloat() - 0.5f;
      }
    }
    w[0] = Float.MIN_VALUE;
    w[1] = -0f;
    w[2] = Float.MAX_VALUE;
    w[3] = 0.1f;
    w[4] = 1.00000012f;
    DenseLayer first =
        new DenseLayer(
            12, 7, w, new float[] {1e-7f, -3f, 0f, 2.5e-39f, 7f, 0.3f, -0.1f}, 4, 0.0123f);
    DenseLayer second = new DenseLayer(7, 3);
    SpikingNetwork net =
        new SpikingNetwork(
            8, 0.95f, 0.7f, ResetMode.ZERO, Readout.MEMBRANE, List.of(first, second));
    SpikingNetwork back = SpikingNetworkJson.fromJson(SpikingNetworkJson.toJson(net));
    for (int i = 0; i < w.length; i++) {
      assertThat(Float.floatToRawIntBits(back.layer(0).weights()[i]))
          .isEqualTo(Float.floatToRawIntBits(w[i]));
    }
    assertThat(back).isEqualTo(net);
    Path file = dir.resolve("net.json");
    SpikingNetworkJson.write(net, file);
    assertThat(SpikingNetworkJson.read(file)).isEqualTo(net);
  }

  @Test
  @DisplayName("a trained network predicts the same classes after a save and reload")
  void trainedNetworkBehavesTheSame() {
    ToyData data = ToyData.blocks(50, 16, 4, 0.5f, 1);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {16, 12, 4}, 5, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 3);
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(
            net, TrainingOptions.builder().threads(1).learningRate(1e-2f).build())) {
      trainer.trainEpoch(data.features, data.labels, 0);
    }
    SpikingNetwork back = SpikingNetworkJson.fromJson(SpikingNetworkJson.toJson(net));
    for (int s = 0; s < 50; s++) {
      float[] x = java.util.Arrays.copyOfRange(data.features, s * 16, s * 16 + 16);
      assertThat(back.predict(x)).isEqualTo(net.predict(x));
    }
  }

  @Test
  @DisplayName(
      "layers export to CSR and bitmap matrices with rows = pre, columns = post and no zeros stored")
  void sparseExport() {
    float[] w = {0f, 1f, 0f, -2f, 0f, 0f};
    DenseLayer layer = new DenseLayer(2, 3, w, new float[3], 0, 0f);
    CsrMatrix csr = layer.toCsr();
    assertThat(csr.rows()).isEqualTo(2);
    assertThat(csr.cols()).isEqualTo(3);
    assertThat(csr.nonZeros()).isEqualTo(2);
    assertThat(csr.toDense()).containsExactly(w);
    BitmapMatrix bitmap = layer.toBitmap();
    assertThat(bitmap.get(0, 1)).isEqualTo(1f);
    assertThat(bitmap.get(1, 0)).isEqualTo(-2f);
    assertThat(bitmap.toCsr()).isEqualTo(csr);
  }

  @Test
  @DisplayName("a NaN or infinite weight is refused with the layer and the index")
  void nonFiniteWeightRefused() {
    float[] w = new float[3 * 2];
    w[4] = Float.NaN;
    SpikingNetwork net =
        new SpikingNetwork(
            2,
            0.9f,
            1f,
            ResetMode.SUBTRACT,
            Readout.SPIKE_COUNT,
            List.of(new DenseLayer(3, 2, w, new float[2], 0, 0f)));
    assertThatThrownBy(() -> SpikingNetworkJson.fromJson(SpikingNetworkJson.toJson(net)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("<string>: layers[0].weights[4] is NaN; weights must " + "be finite numbers");
  }

  @Test
  @DisplayName("broken files are refused with the field and place that is wrong")
  void rejectsBrokenFiles() {
    assertThatThrownBy(() -> SpikingNetworkJson.fromJson("{\"format\": \"other\"}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("format");
    String json =
        SpikingNetworkJson.toJson(
            SpikingNetwork.initialise(
                new int[] {3, 2}, 2, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 1));
    assertThatThrownBy(() -> SpikingNetworkJson.fromJson(json.replace("\"bias\"", "\"biases\"")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("layers[0]")
        .hasMessageContaining("bias");
    assertThatThrownBy(
            () -> SpikingNetworkJson.fromJson(json.replace("\"inputs\":3", "\"inputs\":4")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("layer 4 -> 2")
        .hasMessageContaining("8 weights");
    assertThatThrownBy(() -> SpikingNetworkJson.fromJson("{not json"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  @DisplayName(
      "a network with conv layers reloads bit for bit, as schema version 2 with layer kinds")
  void convRoundTrip(@TempDir Path dir) throws Exception {
    Random random = new Random(8);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            "2x8x8-c3k3p1a2-c4k2s2-5", 6, 0.85f, 0.6f, ResetMode.ZERO, Readout.SPIKE_COUNT, 4);
    float[] w = net.layer(0).weights();
    w[0] = -0f;
    w[1] = Float.MIN_VALUE;
    w[2] = Float.intBitsToFloat(random.nextInt() & 0x7f7fffff);
    net.layer(1).setQuantization(3, 0.0377f);
    String json = SpikingNetworkJson.toJson(net);
    assertThat(json)
        .contains("\"schema_version\":2")
        .contains("\"kind\":\"conv\"")
        .contains("\"kind\":\"dense\"");
    SpikingNetwork back = SpikingNetworkJson.fromJson(json);
    assertThat(back).isEqualTo(net);
    for (int l = 0; l < 3; l++) {
      float[] a = net.layer(l).weights();
      float[] b = back.layer(l).weights();
      for (int i = 0; i < a.length; i++) {
        assertThat(Float.floatToRawIntBits(b[i])).isEqualTo(Float.floatToRawIntBits(a[i]));
      }
    }
    Path file = dir.resolve("conv.json");
    SpikingNetworkJson.write(net, file);
    assertThat(SpikingNetworkJson.read(file)).isEqualTo(net);
    assertThat(
            SpikingNetworkJson.toJson(
                SpikingNetwork.initialise(
                    "4-3", 2, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 1)))
        .contains("\"schema_version\":1");
    assertThatThrownBy(
            () ->
                SpikingNetworkJson.fromJson(json.replace("\"kind\":\"conv\"", "\"kind\":\"pool\"")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("layers[0]")
        .hasMessageContaining("pool");
    assertThatThrownBy(
            () -> SpikingNetworkJson.fromJson(json.replace("\"kernel\":3", "\"kernel\":9")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2x8x8");
    assertThat(json).contains("\"pool\":2");
    // A conv layer without "pool" does not pool.
    SpikingNetwork plain =
        SpikingNetwork.initialise(
            "1x5x5-c2k3-3", 2, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 2);
    assertThat(
            SpikingNetworkJson.fromJson(
                SpikingNetworkJson.toJson(plain).replace("\"pool\":1,", "")))
        .isEqualTo(plain);
  }

  @Test
  @DisplayName("a version-1 file written before layer kinds existed still loads as dense layers")
  void loadsVersionOneFiles() {
    String old =
        "{\"format\":\"snn-codesign/spiking-network\",\"schema_version\":1,\"timesteps\":4,"
            + "\"beta\":0.9,\"threshold\":1.0,\"reset\":\"SUBTRACT\",\"readout\":\"MEMBRANE\",\"layers\":["
            + "{\"inputs\":2,\"outputs\":1,\"bits\":0,\"scale\":0.0,\"weights\":\"AAAAPwAAgL4=\",\"bias\":\"AAAAPg==\"}]}";
    SpikingNetwork net = SpikingNetworkJson.fromJson(old);
    assertThat(net.isDense()).isTrue();
    DenseLayer layer = net.denseLayer(0);
    assertThat(layer.weights()).containsExactly(0.5f, -0.25f);
    assertThat(layer.bias()).containsExactly(0.125f);
    assertThat(net.timesteps()).isEqualTo(4);
    assertThat(net.readout()).isEqualTo(Readout.MEMBRANE);
  }
}
