package org.snncodesign.conversion.ann;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.io.AtomicFile;

/**
 * JSON form of an {@link AnnModel}: snake_case fields, {@code "schema_version"}, layers tagged by
 * {@code "type"}. Floats are written with the shortest decimal that parses back to the same {@code
 * float}, so a saved model reloads bit-exact.
 */
public final class AnnJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private AnnJson() {}

  /** The model as one JSON document. */
  public static String toJson(AnnModel model) {
    try {
      return MAPPER.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write model '" + model.name() + "' as JSON", e);
    }
  }

  /**
   * Reads a model written by {@link #toJson}.
   *
   * @throws InvalidInputException when the text is not a valid model or holds a parameter that is
   *     not finite (message says what and where)
   */
  public static AnnModel fromJson(String json) {
    AnnModel model;
    try {
      model = MAPPER.readValue(json, AnnModel.class);
    } catch (IOException e) {
      throw new InvalidInputException("not a valid ANN model JSON: " + rootMessage(e), e);
    }
    FiniteParameters.check(model);
    return model;
  }

  /**
   * Writes the model to {@code file}, creating parent folders. The text goes to a temporary file
   * beside it that is renamed over {@code file} when complete, so a reader (a model cache shared by
   * runs) never sees half a model.
   */
  public static void write(AnnModel model, Path file) throws IOException {
    String json = toJson(model);
    AtomicFile.write(file, temporary -> Files.writeString(temporary, json));
  }

  /**
   * Reads a model file.
   *
   * @throws InvalidInputException naming the file when it is not a valid model
   */
  public static AnnModel read(Path file) throws IOException {
    try {
      return fromJson(Files.readString(file));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t == e ? e.getMessage() : t.getMessage() + " (" + e.getMessage() + ")";
    return message == null ? e.toString() : message.replace('\n', ' ');
  }
}
