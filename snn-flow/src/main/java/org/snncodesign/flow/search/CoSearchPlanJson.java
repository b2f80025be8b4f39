package org.snncodesign.flow.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.fpga.search.SearchSettings;

/**
 * A {@link CoSearchPlan} as a JSON file (schema version 1), snake-case keys, paths absolute:
 *
 * <pre>{@code
 * {"schema_version": 1, "accelerator": "spikex-systolic", "budget": "zynq-7020",
 *  "search": {"random_samples": 64, "population": 24, "generations": 20, "mutation_rate": 0.2,
 *             "seed": 1, "threads": 2, "static_energy": "excluded"},
 *  "max_accuracy_drop_points": 1.0, "fine_tune_epochs": 0, "first_layer": "bit-planes",
 *  "network_genes": false,
 *  "network": {"source": "trained", "file": null, "dataset": "digits", "data_dir": null}}
 * }</pre>
 *
 * <p>{@code network} is {@code {"source": "synthetic", "steps": 8, "weight_density": 0.15}} for the
 * synthetic MLP. Reading checks every field: a missing, unknown or ill-typed field, or a value the
 * settings refuse, is one line naming the file, the field, its value and what was expected.
 */
public final class CoSearchPlanJson {
  /** Version of the file's layout; bump when a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CoSearchPlanJson() {}

  /**
   * Writes {@code plan} to {@code file} pretty-printed, under a temporary name moved in when
   * complete, creating its folder.
   *
   * @throws InvalidInputException when the network is neither trained nor synthetic (a NIR graph's
   *     workload is measured, not named, and cannot be saved)
   */
  public static void write(CoSearchPlan plan, Path file) throws IOException {
    ObjectNode json = toJson(plan);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    AtomicFile.write(
        file,
        temporary -> MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), json));
  }

  /** The JSON form of {@code plan}. */
  public static ObjectNode toJson(CoSearchPlan plan) {
    CoDesignSearch.Settings settings = plan.settings();
    SearchSettings search = settings.search();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("schema_version", SCHEMA_VERSION);
    json.put("accelerator", settings.accelerator());
    json.put("budget", settings.budget());
    ObjectNode searchNode = json.putObject("search");
    searchNode.put("random_samples", search.randomSamples());
    searchNode.put("population", search.population());
    searchNode.put("generations", search.generations());
    searchNode.put("mutation_rate", search.mutationRate());
    searchNode.put("seed", search.seed());
    searchNode.put("threads", search.threads());
    searchNode.put("static_energy", name(search.staticPower()));
    json.put("max_accuracy_drop_points", settings.maxAccuracyDrop());
    json.put("fine_tune_epochs", settings.fineTuneEpochs());
    json.put("first_layer", name(settings.firstLayer()));
    json.put("network_genes", plan.networkGenes());
    ObjectNode network = json.putObject("network");
    if (plan.network() instanceof NetworkSource.Trained trained) {
      network.put("source", "trained");
      network.put("file", absolute(trained.network()));
      network.put("dataset", trained.dataset());
      network.put("data_dir", absolute(trained.dataDir()));
    } else if (plan.network() instanceof NetworkSource.Synthetic synthetic) {
      network.put("source", "synthetic");
      network.put("steps", synthetic.steps());
      network.put("weight_density", synthetic.weightDensity());
    } else {
      throw new InvalidInputException(
          "a search on "
              + plan.network()
              + " cannot be saved: only a trained network (--network, the default digits) or the "
              + "synthetic MLP can");
    }
    return json;
  }

  /**
   * Reads the plan in {@code file}.
   *
   * @throws InvalidInputException when the file is missing, not JSON, or a field is missing,
   *     unknown, ill-typed or out of range (one line naming the file, the field and its value)
   */
  public static CoSearchPlan read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": no such file");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          file
              + ": not JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage()
              + ")");
    }
    return new Reader(file).plan(root);
  }

  /** A constant as the file spells it: lower case with dashes ({@code bit-planes}). */
  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String absolute(Path path) {
    return path == null ? null : path.toAbsolutePath().normalize().toString();
  }

  /** Reads fields of one file, each failure one line naming the file and the field. */
  private record Reader(Path file) {
    CoSearchPlan plan(JsonNode root) {
      ObjectNode json = object(root, "the top level");
      only(
          json,
          "",
          "schema_version",
          "accelerator",
          "budget",
          "search",
          "max_accuracy_drop_points",
          "fine_tune_epochs",
          "first_layer",
          "network_genes",
          "network");
      JsonNode version = field(json, "", "schema_version");
      if (!version.isInt() || version.intValue() != SCHEMA_VERSION) {
        throw bad("schema_version", version, SCHEMA_VERSION + " (the version this snn reads)");
      }
      try {
        CoDesignSearch.Settings settings =
            CoDesignSearch.Settings.builder()
                .accelerator(text(json, "", "accelerator"))
                .budget(text(json, "", "budget"))
                .search(search(object(field(json, "", "search"), "search")))
                .maxAccuracyDrop(number(json, "", "max_accuracy_drop_points"))
                .fineTuneEpochs(integer(json, "", "fine_tune_epochs"))
                .firstLayer(choice(json, "", "first_layer", MeasuredRun.FirstLayer.values()))
                .build();
        boolean networkGenes = bool(json, "", "network_genes");
        NetworkSource network = network(object(field(json, "", "network"), "network"));
        return new CoSearchPlan(settings, networkGenes, network);
      } catch (IllegalArgumentException e) {
        // A value every field's type allows but the settings refuse (a negative epoch count).
        throw new InvalidInputException(file + ": " + e.getMessage());
      }
    }

    private SearchSettings search(ObjectNode json) {
      String at = "search.";
      only(
          json,
          at,
          "random_samples",
          "population",
          "generations",
          "mutation_rate",
          "seed",
          "threads",
          "static_energy");
      JsonNode seed = field(json, at, "seed");
      if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
        throw bad(at + "seed", seed, "an integer");
      }
      return new SearchSettings(
          integer(json, at, "random_samples"),
          integer(json, at, "population"),
          integer(json, at, "generations"),
          number(json, at, "mutation_rate"),
          seed.longValue(),
          integer(json, at, "threads"),
          choice(json, at, "static_energy", StaticPower.values()));
    }

    private NetworkSource network(ObjectNode json) {
      String at = "network.";
      String source = text(json, at, "source");
      switch (source) {
        case "trained" -> {
          only(json, at, "source", "file", "dataset", "data_dir");
          return new NetworkSource.Trained(
              path(json, at, "file"), text(json, at, "dataset"), path(json, at, "data_dir"));
        }
        case "synthetic" -> {
          only(json, at, "source", "steps", "weight_density");
          return new NetworkSource.Synthetic(
              integer(json, at, "steps"), number(json, at, "weight_density"));
        }
        default -> throw bad(at + "source", json.get("source"), "\"trained\" or \"synthetic\"");
      }
    }

    private ObjectNode object(JsonNode node, String where) {
      if (!(node instanceof ObjectNode object)) {
        throw new InvalidInputException(
            file + ": " + where + " is " + node + "; expected a JSON object");
      }
      return object;
    }

    /** Refuses any field of {@code json} not in {@code known} (a typo would be silently lost). */
    private void only(ObjectNode json, String at, String... known) {
      List<String> names = List.of(known);
      for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!names.contains(name)) {
          throw new InvalidInputException(
              file + ": field " + at + name + " is not known; expected one of " + names);
        }
      }
    }

    private JsonNode field(ObjectNode json, String at, String name) {
      JsonNode node = json.get(name);
      if (node == null) {
        throw new InvalidInputException(file + ": field " + at + name + " is missing");
      }
      return node;
    }

    private String text(ObjectNode json, String at, String name) {
      JsonNode node = field(json, at, name);
      if (!node.isTextual()) {
        throw bad(at + name, node, "a string");
      }
      return node.textValue();
    }

    private Path path(ObjectNode json, String at, String name) {
      JsonNode node = field(json, at, name);
      if (node.isNull()) {
        return null;
      }
      if (!node.isTextual()) {
        throw bad(at + name, node, "a path or null");
      }
      return Path.of(node.textValue());
    }

    private int integer(ObjectNode json, String at, String name) {
      JsonNode node = field(json, at, name);
      if (!node.isIntegralNumber() || !node.canConvertToInt()) {
        throw bad(at + name, node, "an integer");
      }
      return node.intValue();
    }

    private double number(ObjectNode json, String at, String name) {
      JsonNode node = field(json, at, name);
      if (!node.isNumber()) {
        throw bad(at + name, node, "a number");
      }
      return node.doubleValue();
    }

    private boolean bool(ObjectNode json, String at, String name) {
      JsonNode node = field(json, at, name);
      if (!node.isBoolean()) {
        throw bad(at + name, node, "true or false");
      }
      return node.booleanValue();
    }

    /** The constant of {@code values} whose name, lower case with dashes, is the field's text. */
    private <E extends Enum<E>> E choice(ObjectNode json, String at, String name, E[] values) {
      JsonNode node = field(json, at, name);
      List<String> names = new ArrayList<>();
      for (E value : values) {
        names.add('"' + name(value) + '"');
        if (node.isTextual() && node.textValue().equals(name(value))) {
          return value;
        }
      }
      throw bad(at + name, node, "one of " + String.join(", ", names));
    }

    private InvalidInputException bad(String field, JsonNode value, String expected) {
      return new InvalidInputException(
          file + ": field " + field + " is " + value + "; expected " + expected);
    }
  }
}
