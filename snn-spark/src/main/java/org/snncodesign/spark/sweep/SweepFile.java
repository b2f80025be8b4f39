package org.snncodesign.spark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.snncodesign.api.InvalidInputException;

/**
 * A sweep file: which step to run, over which parameter settings and seeds, and what to trade off.
 *
 * <pre>{@code
 * {
 *   "schema_version": 1,
 *   "step": "lsm-pruning",
 *   "fixed":  {"liquid": 300},                                   // every point
 *   "grid":   {"keep": [0.5, 0.25], "ranking": ["activity", "fisher"]},   // every combination
 *   "lists":  {"rounds": [1, 4], "balance": [false, true]},      // element by element (equal lengths)
 *   "random": {"draws": 4, "seed": 7, "parameters": {"tail": {"integers": [5, 20]}}},
 *   "seeds":  {"first": 1, "count": 8},                          // or a list: [1, 2, 3]
 *   "objectives": [{"column": "bytes_after", "goal": "min"}, {"column": "accuracy_after", "goal": "max"}]
 * }
 * }</pre>
 *
 * <p>The settings are the product of the grid's combinations (last parameter fastest), the lists'
 * rows and the random draws, each over {@code fixed}; every setting runs once per seed. Random
 * values come from one stream seeded by {@code random.seed}, drawn parameter by parameter, draw by
 * draw, so a file always gives the same points.
 *
 * @param step the step's name
 * @param fixed values every point gets
 * @param settings the varied values of each setting, in order
 * @param varied the names of the varied parameters
 * @param seeds the seeds every setting runs with
 * @param objectives none or two columns for the Pareto chart
 */
public record SweepFile(
    String step,
    Map<String, Object> fixed,
    List<Map<String, Object>> settings,
    List<String> varied,
    List<Long> seeds,
    List<Objective> objectives) {
  public static final int SCHEMA_VERSION = 1;

  /** Reads and checks a sweep file. */
  public static SweepFile read(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /** Parses a sweep file's text; {@code source} names it in error messages. */
  public static SweepFile parse(String json, String source) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source + ": a sweep file is a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of(
              "schema_version", "step", "fixed", "grid", "lists", "random", "seeds", "objectives")
          .contains(name)) {
        throw new InvalidInputException(source + ": unknown key '" + name + "'");
      }
    }
    int version = root.path("schema_version").asInt(SCHEMA_VERSION);
    if (version != SCHEMA_VERSION) {
      throw new InvalidInputException(
          source + ": schema_version " + version + " is not " + SCHEMA_VERSION);
    }
    String step = root.path("step").asText("");
    if (step.isEmpty()) {
      throw new InvalidInputException(source + ": \"step\" must name a sweep step");
    }
    Map<String, Object> fixed = new LinkedHashMap<>();
    root.path("fixed")
        .fields()
        .forEachRemaining(e -> fixed.put(e.getKey(), value(e.getValue(), e.getKey())));
    List<Map<String, Object>> settings =
        product(
            product(grid(root.path("grid"), source), lists(root.path("lists"), source)),
            draws(root.path("random"), source));
    List<String> varied = new ArrayList<>(settings.get(0).keySet());
    for (String name : varied) {
      if (fixed.containsKey(name)) {
        throw new InvalidInputException(
            source + ": parameter " + name + " is both fixed and varied");
      }
    }
    for (int a = 0; a < settings.size(); a++) {
      int first = settings.indexOf(settings.get(a));
      if (first != a) {
        // Two equal settings would be one point run twice, and one row counted twice in the
        // summary.
        throw new InvalidInputException(
            source
                + ": settings "
                + first
                + " and "
                + a
                + " are the same, "
                + settings.get(a)
                + "; give each value once (or fewer random draws of few choices)");
      }
    }
    return new SweepFile(
        step,
        fixed,
        settings,
        List.copyOf(varied),
        seeds(root.path("seeds"), source),
        objectives(root.path("objectives"), source));
  }

  /** Every point: each setting (fixed values first) with each seed. */
  public List<SweepPoint> points() {
    List<SweepPoint> points = new ArrayList<>();
    for (Map<String, Object> setting : settings) {
      LinkedHashMap<String, Object> values = new LinkedHashMap<>(fixed);
      values.putAll(setting);
      for (long seed : seeds) {
        points.add(new SweepPoint(points.size(), step, values, seed));
      }
    }
    return points;
  }

  /** A JSON scalar as Long, Double, Boolean or String. */
  static Object value(JsonNode node, String name) {
    if (node.isIntegralNumber()) {
      return node.asLong();
    } else if (node.isNumber()) {
      return node.asDouble();
    } else if (node.isBoolean()) {
      return node.asBoolean();
    } else if (node.isTextual()) {
      return node.asText();
    }
    throw new InvalidInputException(
        "parameter " + name + ": a value must be a number, boolean or string, got " + node);
  }

  private static List<Object> values(JsonNode list, String name, String source) {
    if (!list.isArray() || list.isEmpty()) {
      throw new InvalidInputException(
          source + ": " + name + " must have a non-empty list of values, got " + list);
    }
    List<Object> values = new ArrayList<>();
    list.forEach(v -> values.add(value(v, name)));
    return values;
  }

  private static List<Map<String, Object>> grid(JsonNode grid, String source) {
    List<Map<String, Object>> settings = new ArrayList<>(List.of(new LinkedHashMap<>()));
    grid.fields()
        .forEachRemaining(
            e -> {
              List<Map<String, Object>> next = new ArrayList<>();
              for (Map<String, Object> s : settings) {
                for (Object v : values(e.getValue(), e.getKey(), source)) {
                  Map<String, Object> m = new LinkedHashMap<>(s);
                  m.put(e.getKey(), v);
                  next.add(m);
                }
              }
              settings.clear();
              settings.addAll(next);
            });
    return settings;
  }

  private static List<Map<String, Object>> lists(JsonNode lists, String source) {
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    lists
        .fields()
        .forEachRemaining(e -> columns.put(e.getKey(), values(e.getValue(), e.getKey(), source)));
    if (columns.isEmpty()) {
      return List.of(Map.of());
    }
    int rows = columns.values().iterator().next().size();
    columns.forEach(
        (name, v) -> {
          if (v.size() != rows) {
            throw new InvalidInputException(
                source
                    + ": lists must have equal lengths; "
                    + name
                    + " has "
                    + v.size()
                    + ", the first "
                    + rows);
          }
        });
    List<Map<String, Object>> settings = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, List<Object>> e : columns.entrySet()) {
        m.put(e.getKey(), e.getValue().get(r));
      }
      settings.add(m);
    }
    return settings;
  }

  private static List<Map<String, Object>> draws(JsonNode random, String source) {
    if (random.isMissingNode()) {
      return List.of(Map.of());
    }
    int count = random.path("draws").asInt(0);
    if (count < 1 || !random.has("seed")) {
      throw new InvalidInputException(
          source + ": random needs \"draws\" >= 1 and a \"seed\", got " + random);
    }
    Map<String, RandomDraw> parameters = new LinkedHashMap<>();
    random
        .path("parameters")
        .fields()
        .forEachRemaining(
            e -> parameters.put(e.getKey(), RandomDraw.read(e.getKey(), e.getValue())));
    Random stream = new Random(random.get("seed").asLong());
    List<Map<String, Object>> settings = new ArrayList<>();
    for (int d = 0; d < count; d++) {
      Map<String, Object> m = new LinkedHashMap<>();
      parameters.forEach((name, draw) -> m.put(name, draw.draw(stream)));
      settings.add(m);
    }
    return settings;
  }

  private static List<Map<String, Object>> product(
      List<Map<String, Object>> a, List<Map<String, Object>> b) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> x : a) {
      for (Map<String, Object> y : b) {
        Map<String, Object> m = new LinkedHashMap<>(x);
        for (String name : y.keySet()) {
          if (m.containsKey(name)) {
            throw new InvalidInputException(
                "parameter " + name + " is varied twice (grid, lists or random)");
          }
        }
        m.putAll(y);
        out.add(m);
      }
    }
    return out;
  }

  private static List<Long> seeds(JsonNode seeds, String source) {
    List<Long> out = new ArrayList<>();
    if (seeds.isArray()) {
      seeds.forEach(s -> out.add(s.asLong()));
    } else if (seeds.isObject()) {
      long first = seeds.path("first").asLong(1);
      int count = seeds.path("count").asInt(0);
      for (int k = 0; k < count; k++) {
        out.add(first + k);
      }
    }
    if (out.isEmpty() || out.stream().distinct().count() != out.size()) {
      throw new InvalidInputException(
          source
              + ": \"seeds\" must be a list of distinct seeds or "
              + "{\"first\": F, \"count\": N} with N >= 1, got "
              + seeds);
    }
    return List.copyOf(out);
  }

  private static List<Objective> objectives(JsonNode node, String source) {
    List<Objective> out = new ArrayList<>();
    node.forEach(
        o -> out.add(Objective.of(o.path("column").asText(""), o.path("goal").asText(""))));
    if (!out.isEmpty() && out.size() != 2) {
      throw new InvalidInputException(
          source + ": \"objectives\" names two columns (a Pareto chart), got " + out.size());
    }
    return List.copyOf(out);
  }
}
