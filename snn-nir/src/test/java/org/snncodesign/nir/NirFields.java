package org.snncodesign.nir;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.snncodesign.api.graph.GraphNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Size2d;
import org.snncodesign.api.graph.Tensor;

/**
 * A node's fields under their NIR names, found through its record components (camelCase to
 * snake_case, plus NIR's few other names), as (dtype, shape, values) triples that compare with the
 * fixtures' JSON sidecars and the reference reader's answers. Independent of the writer's own field
 * table, so that it checks it.
 */
final class NirFields {
  private static final Map<String, String> NIR_NAMES =
      Map.of("inputLength", "input_shape", "inputSize", "input_shape", "kernel", "kernel_size");

  /** One field's value: numpy dtype name ("float32", "float64", "int64"), shape and values. */
  record Field(String dtype, List<Integer> shape, List<Double> values) {
    static Field of(JsonNode json) {
      List<Integer> shape = new ArrayList<>();
      json.get("shape").forEach(d -> shape.add(d.asInt()));
      List<Double> values = new ArrayList<>();
      json.get("values").forEach(v -> values.add(v.asDouble()));
      return new Field(json.get("dtype").asText(), shape, values);
    }
  }

  private NirFields() {}

  /** The node's fields present in the graph (an open input size is absent), by NIR name. */
  static Map<String, Field> of(GraphNode node) {
    Map<String, Field> fields = new LinkedHashMap<>();
    if (!node.getClass().isRecord()) {
      return fields;
    }
    for (RecordComponent component : node.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(node);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      toField(value).ifPresent(field -> fields.put(nirName(component.getName(), node), field));
    }
    return fields;
  }

  private static String nirName(String component, GraphNode node) {
    if (component.equals("inputShape")) {
      return "input_type";
    }
    if (component.equals("shape")) {
      return "shape";
    }
    return NIR_NAMES.getOrDefault(component, component.replaceAll("([A-Z])", "_$1").toLowerCase());
  }

  private static Optional<Field> toField(Object value) {
    if (value instanceof Tensor tensor) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < tensor.size(); i++) {
        values.add(tensor.get(i));
      }
      return Optional.of(
          new Field(tensor.elementType().name().toLowerCase(), dims(tensor.shape()), values));
    }
    if (value instanceof Shape shape) {
      List<Double> dims = dims(shape).stream().map(Integer::doubleValue).toList();
      return Optional.of(new Field("int64", List.of(dims.size()), dims));
    }
    if (value instanceof Size2d pair) {
      return Optional.of(
          new Field("int64", List.of(2), List.of((double) pair.height(), (double) pair.width())));
    }
    if (value instanceof Integer number) {
      return Optional.of(new Field("int64", List.of(), List.of(number.doubleValue())));
    }
    if (value instanceof OptionalInt optional) {
      return optional.isPresent() ? toField(optional.getAsInt()) : Optional.empty();
    }
    if (value instanceof Optional<?> optional) {
      return optional.flatMap(NirFields::toField);
    }
    return Optional.empty();
  }

  private static List<Integer> dims(Shape shape) {
    List<Integer> dims = new ArrayList<>();
    for (int d : shape.dims()) {
      dims.add(d);
    }
    return dims;
  }
}
