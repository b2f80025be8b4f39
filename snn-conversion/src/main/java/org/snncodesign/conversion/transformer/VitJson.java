package org.snncodesign.conversion.transformer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.api.InvalidInputException;

/**
 * JSON form of a {@link VitModel}: snake_case fields, {@code "schema_version"}, the config and the
 * flat parameter vector. Floats are written with the shortest decimal that parses back to the same
 * {@code float}, so a saved model reloads bit-exact.
 */
public final class VitJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  private VitJson() {}

  public static String toJson(VitModel model) {
    try {
      return MAPPER.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write model '" + model.name() + "' as JSON", e);
    }
  }

  /**
   * @throws InvalidInputException when the text is not a valid ViT model
   */
  public static VitModel fromJson(String json) {
    try {
      return MAPPER.readValue(json, VitModel.class);
    } catch (IOException | IllegalArgumentException e) {
      Throwable t = e;
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      String message = t.getMessage() == null ? t.toString() : t.getMessage().replace('\n', ' ');
      throw new InvalidInputException("not a valid ViT model JSON: " + message, e);
    }
  }

  public static void write(VitModel model, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson(model));
  }

  /**
   * @throws InvalidInputException naming the file when it is not a valid model
   */
  public static VitModel read(Path file) throws IOException {
    try {
      return fromJson(Files.readString(file));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }
}
