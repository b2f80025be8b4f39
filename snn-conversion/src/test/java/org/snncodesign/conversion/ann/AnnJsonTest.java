package org.snncodesign.conversion.ann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.InvalidInputException;

class AnnJsonTest {

  private static void assertBitExact(AnnModel a, AnnModel b) {
    assertThat(b.name()).isEqualTo(a.name());
    assertThat(b.inputShape()).isEqualTo(a.inputShape());
    assertThat(b.layers()).hasSameSizeAs(a.layers());
    for (int i = 0; i < a.layers().size(); i++) {
      AnnLayer x = a.layers().get(i);
      AnnLayer y = b.layers().get(i);
      assertThat(y.getClass()).isEqualTo(x.getClass());
      assertThat(y.name()).isEqualTo(x.name());
      if (x instanceof Conv2dLayer c) {
        Conv2dLayer d = (Conv2dLayer) y;
        assertThat(
                List.of(
                    d.inChannels(),
                    d.outChannels(),
                    d.kernelHeight(),
                    d.kernelWidth(),
                    d.stride(),
                    d.padding(),
                    d.groups()))
            .isEqualTo(
                List.of(
                    c.inChannels(),
                    c.outChannels(),
                    c.kernelHeight(),
                    c.kernelWidth(),
                    c.stride(),
                    c.padding(),
                    c.groups()));
        assertThat(bits(d.weights())).isEqualTo(bits(c.weights()));
        assertThat(bits(d.bias())).isEqualTo(bits(c.bias()));
      } else if (x instanceof DenseLayer c) {
        assertThat(bits(((DenseLayer) y).weights())).isEqualTo(bits(c.weights()));
        assertThat(bits(((DenseLayer) y).bias())).isEqualTo(bits(c.bias()));
      } else if (x instanceof BatchNormLayer c) {
        BatchNormLayer d = (BatchNormLayer) y;
        assertThat(bits(d.gamma())).isEqualTo(bits(c.gamma()));
        assertThat(bits(d.variance())).isEqualTo(bits(c.variance()));
        assertThat(Float.floatToRawIntBits(d.epsilon()))
            .isEqualTo(Float.floatToRawIntBits(c.epsilon()));
      } else {
        assertThat(y).isEqualTo(x);
      }
    }
  }

  private static int[] bits(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }

  @Test
  @DisplayName(
      "a model with every layer kind survives the JSON round trip bit for bit, for 30 seeds")
  void roundTripIsBitExact() {
    for (long seed = 0; seed < 30; seed++) {
      AnnModel model = TestModels.everyKind(seed);
      assertBitExact(model, AnnJson.fromJson(AnnJson.toJson(model)));
    }
  }

  @Test
  @DisplayName(
      "any finite float bit pattern, subnormals and negative zero included, reloads with the same bits")
  void anyFloatRoundTrips() {
    SplittableRandom random = new SplittableRandom(17);
    float[] weights = new float[20_000];
    for (int i = 0; i < weights.length; i++) {
      float v;
      do {
        v = Float.intBitsToFloat(random.nextInt());
      } while (!Float.isFinite(v));
      weights[i] = v;
    }
    weights[0] = -0.0f;
    weights[1] = Float.MIN_VALUE;
    weights[2] = Float.MAX_VALUE;
    weights[3] = 1e-40f;
    DenseLayer layer =
        new DenseLayer(
            "d",
            100,
            200,
            weights,
            new float[] {
              -Float.MIN_NORMAL,
              0.1f,
              1f / 3,
              (float) Math.PI,
              16777217f,
              -1e38f,
              7e-45f,
              0f,
              -0f,
              2.5f,
              1,
              2,
              3,
              4,
              5,
              6,
              7,
              8,
              9,
              10,
              11,
              12,
              13,
              14,
              15,
              16,
              17,
              18,
              19,
              20,
              21,
              22,
              23,
              24,
              25,
              26,
              27,
              28,
              29,
              30,
              31,
              32,
              33,
              34,
              35,
              36,
              37,
              38,
              39,
              40,
              41,
              42,
              43,
              44,
              45,
              46,
              47,
              48,
              49,
              50,
              51,
              52,
              53,
              54,
              55,
              56,
              57,
              58,
              59,
              60,
              61,
              62,
              63,
              64,
              65,
              66,
              67,
              68,
              69,
              70,
              71,
              72,
              73,
              74,
              75,
              76,
              77,
              78,
              79,
              80,
              81,
              82,
              83,
              84,
              85,
              86,
              87,
              88,
              89,
              90,
              91,
              92,
              93,
              94,
              95,
              96,
              97,
              98,
              99,
              100,
              101,
              102,
              103,
              104,
              105,
              106,
              107,
              108,
              109,
              110,
              111,
              112,
              113,
              114,
              115,
              116,
              117,
              118,
              119,
              120,
              121,
              122,
              123,
              124,
              125,
              126,
              127,
              128,
              129,
              130,
              131,
              132,
              133,
              134,
              135,
              136,
              137,
              138,
              139,
              140,
              141,
              142,
              143,
              144,
              145,
              146,
              147,
              148,
              149,
              150,
              151,
              152,
              153,
              154,
              155,
              156,
              157,
              158,
              159,
              160,
              161,
              162,
              163,
              164,
              165,
              166,
              167,
              168,
              169,
              170,
              171,
              172,
              173,
              174,
              175,
              176,
              177,
              178,
              179,
              180,
              181,
              182,
              183,
              184,
              185,
              186,
              187,
              188,
              189,
              190
            });
    AnnModel model = AnnModel.of("m", TensorShape.vector(100), List.of(layer));
    assertBitExact(model, AnnJson.fromJson(AnnJson.toJson(model)));
  }

  @Test
  @DisplayName("the JSON carries the schema version and layer type tags")
  void jsonHasSchemaVersionAndTypes() {
    String json = AnnJson.toJson(TestModels.everyKind(1));
    assertThat(json)
        .contains("\"schema_version\":1")
        .contains("\"type\":\"conv2d\"")
        .contains("\"type\":\"residual_add\"")
        .contains("\"input_shape\"");
  }

  @Test
  @DisplayName("a file written to disk loads back bit-exact")
  void fileRoundTrip(@TempDir Path dir) throws Exception {
    AnnModel model = TestModels.everyKind(3);
    Path file = dir.resolve("sub/model.json");
    AnnJson.write(model, file);
    assertBitExact(model, AnnJson.read(file));
  }

  @Test
  @DisplayName(
      "writing over an existing model replaces it whole and leaves no temporary file beside it")
  void writeReplacesWhole(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("model.json");
    AnnJson.write(TestModels.everyKind(1), file);
    AnnJson.write(TestModels.everyKind(2), file);
    assertBitExact(TestModels.everyKind(2), AnnJson.read(file));
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.json");
    }
  }

  @Test
  @DisplayName("a future schema version is refused with both versions named")
  void futureSchemaRefused() {
    String json =
        AnnJson.toJson(TestModels.everyKind(1))
            .replace("\"schema_version\":1", "\"schema_version\":9");
    assertThatThrownBy(() -> AnnJson.fromJson(json))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("schema version 9")
        .hasMessageContaining("version 1");
  }

  @Test
  @DisplayName("an unknown layer type and truncated JSON give clear errors")
  void badJsonRefused() {
    String json =
        AnnJson.toJson(TestModels.everyKind(1)).replace("\"type\":\"relu\"", "\"type\":\"gelu\"");
    assertThatThrownBy(() -> AnnJson.fromJson(json))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("gelu");
    String cut = AnnJson.toJson(TestModels.everyKind(1)).substring(0, 200);
    assertThatThrownBy(() -> AnnJson.fromJson(cut))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a valid ANN model");
  }

  @Test
  @DisplayName("weights of the wrong length are refused naming the layer")
  void wrongWeightCountRefused() {
    String json =
        AnnJson.toJson(
                AnnModel.of(
                    "m",
                    TensorShape.vector(2),
                    List.of(new DenseLayer("fc9", 2, 1, new float[] {1, 2}, new float[] {0}))))
            .replace("[1.0,2.0]", "[1.0]");
    assertThatThrownBy(() -> AnnJson.fromJson(json))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fc9");
  }

  @Test
  @DisplayName(
      "a weight that is NaN or beyond the float range is refused naming the layer, the array and the index")
  void nonFiniteWeightRefused() {
    String json =
        AnnJson.toJson(
            AnnModel.of(
                "m",
                TensorShape.vector(2),
                List.of(new DenseLayer("fc9", 2, 1, new float[] {1, 2}, new float[] {0}))));
    assertThatThrownBy(() -> AnnJson.fromJson(json.replace("[1.0,2.0]", "[1.0,\"NaN\"]")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("layer 0 ('fc9') weights[1] is NaN; every parameter must be a finite number");
    assertThatThrownBy(() -> AnnJson.fromJson(json.replace("[1.0,2.0]", "[1e999,2.0]")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("weights[0] is Infinity");
  }

  @Test
  @DisplayName("a residual connection from a later or unknown layer is refused")
  void badResidualRefused() {
    assertThatThrownBy(
            () ->
                AnnModel.of(
                    "m",
                    TensorShape.vector(2),
                    List.of(
                        new ReluLayer("a"), new ResidualAddLayer("add", "b"), new ReluLayer("b"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'b'")
        .hasMessageContaining("add");
  }

  @Test
  @DisplayName("routes, grouped convolutions, padded pools and ReLU6 survive the JSON round trip")
  void graphLayersRoundTrip() {
    Conv2dLayer depthwise =
        new Conv2dLayer(
            "dw",
            2,
            2,
            3,
            3,
            1,
            1,
            2,
            new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1},
            new float[] {0.5f, -0.5f});
    AnnModel model =
        AnnModel.of(
            "graph",
            new TensorShape(2, 6, 6),
            List.of(
                depthwise,
                new ReluLayer("relu6", 6f),
                new AvgPoolLayer("avg", 3, 2, 1),
                new RouteLayer("back", List.of("relu6")),
                new MaxPoolLayer("max", 3, 2, 1),
                new RouteLayer("cat", List.of("avg", "max")),
                new FlattenLayer("flat")));
    assertBitExact(model, AnnJson.fromJson(AnnJson.toJson(model)));
  }

  @Test
  @DisplayName(
      "a file written before groups, pool padding and ReLU ceilings reads as ungrouped, unpadded, unclipped")
  void olderFilesReadWithDefaults() {
    String json =
        AnnJson.toJson(TestModels.everyKind(1))
            .replace(",\"groups\":1", "")
            .replace(",\"padding\":0}", "}");
    assertThat(json).doesNotContain("groups").doesNotContain("ceiling");
    AnnModel model = AnnJson.fromJson(json);
    assertThat(((Conv2dLayer) model.layers().get(0)).groups()).isEqualTo(1);
    assertThat(((AvgPoolLayer) model.layers().get(6)).padding()).isZero();
    assertThat(((ReluLayer) model.layers().get(2)).ceiling()).isNull();
  }
}
