package org.snncodesign.spark.sweep;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.flow.sweep.SweepRecord;

/**
 * The append-only record of a sweep's finished points: one JSON file per point, named by its
 * {@linkplain SweepPoint#key() key}, written to a temporary name and moved in when complete. A
 * crash loses at most the points that were running; the table is assembled from these files.
 */
public final class PointStore {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          // NaN and infinities stay numbers (an accuracy can be NaN), not strings that would read
          // back as text.
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private final Path folder;

  /** The store in {@code folder} (created when missing). */
  public PointStore(Path folder) throws IOException {
    this.folder = Files.createDirectories(folder);
  }

  /** Writes one result; a result of the same key is replaced whole. */
  public void write(PointResult result) {
    Path target = folder.resolve(result.point().key() + ".json");
    try {
      byte[] json = JSON.writeValueAsBytes(toJson(result));
      AtomicFile.write(target, temporary -> Files.write(temporary, json));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "writing the result of point " + result.point().index() + " to " + target, e);
    }
  }

  /** Every stored result by point key. */
  public Map<String, PointResult> readAll() throws IOException {
    Map<String, PointResult> results = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        PointResult r = fromJson(JSON.readTree(file.toFile()), file);
        results.put(r.point().key(), r);
      }
    }
    return results;
  }

  private static ObjectNode toJson(PointResult result) {
    ObjectNode node = JSON.createObjectNode();
    SweepPoint p = result.point();
    node.put("index", p.index()).put("key", p.key()).put("step", p.step()).put("seed", p.seed());
    ObjectNode setting = node.putObject("setting");
    p.settingView().forEach((name, value) -> setting.set(name, JSON.valueToTree(value)));
    node.put("seconds", result.seconds());
    if (result.succeeded()) {
      ObjectNode record = node.putObject("record");
      result.record().values().forEach((name, value) -> record.set(name, JSON.valueToTree(value)));
    } else {
      node.put("error", result.error());
    }
    return node;
  }

  private static PointResult fromJson(JsonNode node, Path file) {
    LinkedHashMap<String, Object> setting = new LinkedHashMap<>();
    node.path("setting")
        .fields()
        .forEachRemaining(e -> setting.put(e.getKey(), SweepFile.value(e.getValue(), e.getKey())));
    SweepPoint point =
        new SweepPoint(
            node.path("index").asInt(),
            node.path("step").asText(),
            setting,
            node.path("seed").asLong());
    if (!point.key().equals(node.path("key").asText())) {
      throw new IllegalStateException(
          file + " does not hold the point its key names; delete it to re-run it");
    }
    SweepRecord record = null;
    if (node.has("record")) {
      SweepRecord.Builder builder = SweepRecord.builder();
      node.get("record")
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode v = e.getValue();
                if (v.isIntegralNumber()) {
                  builder.put(e.getKey(), v.asLong());
                } else if (v.isNumber()) {
                  builder.put(e.getKey(), v.asDouble());
                } else {
                  builder.put(e.getKey(), v.asText());
                }
              });
      record = builder.build();
    }
    return new PointResult(
        point,
        record,
        node.has("error") ? node.get("error").asText() : null,
        node.path("seconds").asDouble());
  }
}
