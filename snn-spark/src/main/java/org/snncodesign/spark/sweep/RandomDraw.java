package org.snncodesign.spark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.snncodesign.api.InvalidInputException;

/**
 * How a sweep file draws one parameter at random: {@code {"uniform": [a, b]}} (real in [a, b)),
 * {@code {"log_uniform": [a, b]}} (real, uniform in log between a > 0 and b), {@code {"integers":
 * [a, b]}} (integer in [a, b], both included) or {@code {"choice": [v1, v2, ...]}}.
 */
sealed interface RandomDraw {
  /** One value from {@code random}. */
  Object draw(Random random);

  record Uniform(double low, double high) implements RandomDraw {
    @Override
    public Object draw(Random random) {
      return low + (high - low) * random.nextDouble();
    }
  }

  record LogUniform(double low, double high) implements RandomDraw {
    @Override
    public Object draw(Random random) {
      return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.nextDouble());
    }
  }

  record Integers(long low, long high) implements RandomDraw {
    @Override
    public Object draw(Random random) {
      return low + (long) Math.floor(random.nextDouble() * (high - low + 1));
    }
  }

  record Choice(List<Object> values) implements RandomDraw {
    @Override
    public Object draw(Random random) {
      return values.get(random.nextInt(values.size()));
    }
  }

  /** Reads the draw of parameter {@code name}. */
  static RandomDraw read(String name, JsonNode node) {
    if (node == null || !node.isObject() || node.size() != 1) {
      throw new InvalidInputException(
          "random parameter "
              + name
              + " must be one of {\"uniform\": [a, b]}, {\"log_uniform\": [a, b]}, {\"integers\": [a, b]}, "
              + "{\"choice\": [...]}, got "
              + node);
    }
    String kind = node.fieldNames().next();
    JsonNode args = node.get(kind);
    if (!args.isArray() || args.isEmpty()) {
      throw new InvalidInputException(
          "random parameter " + name + ": " + kind + " needs a list, got " + args);
    }
    if (kind.equals("choice")) {
      List<Object> values = new ArrayList<>();
      args.forEach(v -> values.add(SweepFile.value(v, name)));
      return new Choice(List.copyOf(values));
    }
    if (args.size() != 2
        || !args.get(0).isNumber()
        || !args.get(1).isNumber()
        || args.get(0).asDouble() > args.get(1).asDouble()) {
      throw new InvalidInputException(
          "random parameter "
              + name
              + ": "
              + kind
              + " needs [low, high] with low <= high, "
              + "got "
              + args);
    }
    double low = args.get(0).asDouble();
    double high = args.get(1).asDouble();
    return switch (kind) {
      case "uniform" -> new Uniform(low, high);
      case "log_uniform" -> {
        if (low <= 0) {
          throw new InvalidInputException(
              "random parameter " + name + ": log_uniform needs low > 0, got " + low);
        }
        yield new LogUniform(low, high);
      }
      case "integers" -> new Integers(args.get(0).asLong(), args.get(1).asLong());
      default ->
          throw new InvalidInputException(
              "random parameter "
                  + name
                  + ": unknown draw '"
                  + kind
                  + "' (uniform, log_uniform, integers or choice)");
    };
  }
}
