package org.snncodesign.learning.surrogate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.api.plugin.PluginRegistry;

/**
 * Saves a {@link SpikingNetwork} as JSON and loads it back bit-exact.
 *
 * <p>Layout:
 *
 * <pre>
 * {"format": "snn-codesign/spiking-network", "schema_version": 1, "timesteps": 8, "beta": 0.9, "threshold": 1.0,
 *  "reset": "SUBTRACT", "readout": "MEMBRANE",
 *  "layers": [{"kind": "dense", "inputs": 784, "outputs": 500, "bits": 4, "scale": 0.0123, "weights": "base64",
 *              "bias": "base64"}]}
 * </pre>
 *
 * Dense weights are pre-major ({@code [i * outputs + j]}). A convolution layer (schema version 2)
 * reads
 *
 * <pre>
 *   {"kind": "conv", "in_channels": 1, "height": 28, "width": 28, "out_channels": 16, "kernel": 5, "stride": 2,
 *    "padding": 0, "pool": 1, "inputs": 784, "outputs": 2304, "bits": 0, "scale": 0.0, "weights": "base64",
 *    "bias": "base64"}
 * </pre>
 *
 * with weights {@code [ky][kx][ci][co]} and one bias per output channel ({@link ConvLayer}); {@code
 * pool} (1 when absent) is the side of the average pooling of the layer's spikes and {@code
 * outputs} counts the pooled values. A layer without {@code kind} is dense, so version-1 files
 * (written before convolutions existed) load unchanged; networks with only dense layers are still
 * written as version 1 (older readers ignore the added {@code kind}), and a network with a
 * convolution is written as version 2 so that an older reader refuses it instead of misreading it.
 * The weight and bias arrays are little-endian IEEE-754 float32 values in base64, so every bit
 * (negative zero included) survives and a 784-500-10 network stays near 2 MB. The scalar floats are
 * written as the shortest decimal that identifies them and read back through an exact decimal and
 * {@link Float#parseFloat}, which rounds correctly; they are positive, so no sign of zero is lost.
 *
 * <p>A network whose spiking layers are not of the built-in neuron model ({@link
 * SpikingNetwork#hasBuiltInNeurons()}) also has {@code "neuron": "NAME"}, the plugin name of its
 * {@link org.snncodesign.api.neuron.TrainableNeuronModel}, found again when the file is read: in
 * the registry given to {@link #read(Path, PluginRegistry)}, else on the context class loader.
 */
public final class SpikingNetworkJson {
  /** Value of the {@code format} field. */
  public static final String FORMAT = "snn-codesign/spiking-network";

  /** Layout version of dense-only networks; bump when a field changes meaning. */
  public static final int SCHEMA_VERSION = 1;

  /** Layout version of networks with a convolution layer (adds the {@code kind} {@code conv}). */
  public static final int CONV_SCHEMA_VERSION = 2;

  private static final ObjectMapper WRITER = new ObjectMapper();
  private static final ObjectMapper READER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private SpikingNetworkJson() {}

  /** The network as a JSON tree. */
  public static ObjectNode toTree(SpikingNetwork network) {
    ObjectNode root = WRITER.createObjectNode();
    root.put("format", FORMAT);
    root.put("schema_version", network.isDense() ? SCHEMA_VERSION : CONV_SCHEMA_VERSION);
    root.put("timesteps", network.timesteps());
    root.put("beta", network.beta());
    root.put("threshold", network.threshold());
    root.put("reset", network.reset().name());
    root.put("readout", network.readout().name());
    if (!network.hasBuiltInNeurons()) {
      root.put("neuron", network.neuronModel().name());
    }
    ArrayNode layers = root.putArray("layers");
    for (SpikingLayer layer : network.layers()) {
      ObjectNode node = layers.addObject();
      if (layer instanceof ConvLayer conv) {
        node.put("kind", "conv");
        node.put("in_channels", conv.inChannels());
        node.put("height", conv.height());
        node.put("width", conv.width());
        node.put("out_channels", conv.outChannels());
        node.put("kernel", conv.kernel());
        node.put("stride", conv.stride());
        node.put("padding", conv.padding());
        node.put("pool", conv.pool());
      } else {
        node.put("kind", "dense");
      }
      node.put("inputs", layer.inputs());
      node.put("outputs", layer.outputs());
      node.put("bits", layer.bits());
      node.put("scale", layer.scale());
      node.put("weights", encode(layer.weights()));
      node.put("bias", encode(layer.bias()));
    }
    return root;
  }

  /** The network as a compact JSON string. */
  public static String toJson(SpikingNetwork network) {
    try {
      return WRITER.writeValueAsString(toTree(network));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + network, e);
    }
  }

  /** Writes the network to {@code file}, creating parent folders. */
  public static void write(SpikingNetwork network, Path file) throws IOException {
    JsonNode tree = toTree(network);
    AtomicFile.write(file, temporary -> WRITER.writeValue(temporary.toFile(), tree));
  }

  /** Parses a network saved by {@link #toJson}. */
  public static SpikingNetwork fromJson(String json) {
    try {
      return fromTree(READER.readTree(json), "<string>", null);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a network saved by {@link #write}, its neuron model plugin (if it names one) looked up
   * among the plugins of the context class loader.
   */
  public static SpikingNetwork read(Path file) throws IOException {
    return readFile(file, null);
  }

  /**
   * Reads a network saved by {@link #write}, its neuron model plugin (if it names one) looked up in
   * {@code registry}: the plugins a caller loaded itself, such as jars given to {@code snn
   * --plugins}, which the context class loader need not see.
   *
   * @throws org.snncodesign.api.SnnException when the network names a neuron model the registry has
   *     not
   */
  public static SpikingNetwork read(Path file, PluginRegistry registry) throws IOException {
    Checks.checkArgument(registry != null, "the plugin registry must be given");
    return readFile(file, registry);
  }

  /** The network in {@code file}; {@code registry} null for the context class loader's plugins. */
  private static SpikingNetwork readFile(Path file, PluginRegistry registry) throws IOException {
    JsonNode root;
    try {
      root = READER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    return fromTree(root, file.toString(), registry);
  }

  /** The network of {@code root}; {@code registry} null for the context class loader's plugins. */
  private static SpikingNetwork fromTree(JsonNode root, String source, PluginRegistry registry) {
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidInputException(
          source + ": not a spiking network file (format must be \"" + FORMAT + "\")");
    }
    int version = root.path("schema_version").asInt(-1);
    if (version != SCHEMA_VERSION && version != CONV_SCHEMA_VERSION) {
      throw new InvalidInputException(
          source
              + ": schema_version "
              + version
              + " is not supported (expected "
              + SCHEMA_VERSION
              + " or "
              + CONV_SCHEMA_VERSION
              + ")");
    }
    try {
      List<SpikingLayer> layers = new ArrayList<>();
      JsonNode layerNodes = required(root, "layers", source);
      for (int l = 0; l < layerNodes.size(); l++) {
        JsonNode node = layerNodes.get(l);
        String where = source + ": layers[" + l + "]";
        String kind = node.path("kind").asText("dense");
        if (kind.equals("conv")) {
          layers.add(
              new ConvLayer(
                  required(node, "in_channels", where).asInt(),
                  required(node, "height", where).asInt(),
                  required(node, "width", where).asInt(),
                  required(node, "out_channels", where).asInt(),
                  required(node, "kernel", where).asInt(),
                  required(node, "stride", where).asInt(),
                  required(node, "padding", where).asInt(),
                  node.path("pool").asInt(1),
                  floats(required(node, "weights", where), where + ".weights"),
                  floats(required(node, "bias", where), where + ".bias"),
                  required(node, "bits", where).asInt(),
                  floatOf(required(node, "scale", where), where + ".scale")));
          continue;
        }
        if (!kind.equals("dense")) {
          throw new InvalidInputException(
              where + ": unknown layer kind \"" + kind + "\" (expected dense or conv)");
        }
        layers.add(
            new DenseLayer(
                required(node, "inputs", where).asInt(),
                required(node, "outputs", where).asInt(),
                floats(required(node, "weights", where), where + ".weights"),
                floats(required(node, "bias", where), where + ".bias"),
                required(node, "bits", where).asInt(),
                floatOf(required(node, "scale", where), where + ".scale")));
      }
      return new SpikingNetwork(
          required(root, "timesteps", source).asInt(),
          floatOf(required(root, "beta", source), source + ": beta"),
          floatOf(required(root, "threshold", source), source + ": threshold"),
          ResetMode.valueOf(required(root, "reset", source).asText()),
          Readout.valueOf(required(root, "readout", source).asText()),
          layers,
          root.hasNonNull("neuron")
              ? TrainableNeurons.require(
                  registry != null ? registry : PluginRegistry.discover(),
                  root.get("neuron").asText())
              : null);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidInputException(where + ": missing field \"" + field + "\"");
    }
    return value;
  }

  /**
   * IEEE-754 float32 values, little-endian, base64 (exact for every bit pattern, incl. -0 and NaN
   * payloads).
   */
  static String encode(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(buffer.array());
  }

  private static float[] floats(JsonNode node, String where) {
    if (!node.isTextual()) {
      throw new InvalidInputException(
          where + " must be a base64 string of little-endian float32 values");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(where + ": invalid base64: " + e.getMessage(), e);
    }
    if (bytes.length % 4 != 0) {
      throw new InvalidInputException(
          where + ": " + bytes.length + " bytes is not a whole number of float32 values");
    }
    float[] values = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        // One NaN makes every output NaN: refuse the model rather than report chance accuracy as a
        // result.
        throw new InvalidInputException(
            where + "[" + i + "] is " + values[i] + "; weights must be finite numbers");
      }
    }
    return values;
  }

  /** Exact: the decimal text (kept as BigDecimal by the reader) goes through Float.parseFloat. */
  private static float floatOf(JsonNode node, String where) {
    if (!node.isNumber()) {
      throw new InvalidInputException(where + " must be a number, got " + node);
    }
    float value =
        node.isIntegralNumber()
            ? node.floatValue()
            : Float.parseFloat(node.decimalValue().toString());
    if (!Float.isFinite(value)) {
      throw new InvalidInputException(where + " is " + node + ", beyond the float range");
    }
    return value;
  }
}
