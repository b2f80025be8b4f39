package org.snncodesign.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.snncodesign.api.io.AtomicFile;

/**
 * Machine-readable output: one JSON object on the last line of stdout, and the same object,
 * pretty-printed, in a report file. Every object carries {@code schema_version}.
 */
public final class JsonReport {
  /** Version of the report layout; bump when a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  /**
   * The report of {@code command}: the schema version and the command, then the fields Jackson
   * writes for {@code report} (a report record of the library).
   */
  public static ObjectNode of(String command, Object report) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("schema_version", SCHEMA_VERSION);
    node.put("command", command);
    node.setAll((ObjectNode) MAPPER.valueToTree(report));
    return node;
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Prints {@code report} as one line. */
  public static void printLine(ObjectNode report, PrintStream out) {
    try {
      out.println(MAPPER.writeValueAsString(report));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code report} pretty-printed to {@code file}, creating folders; the file is written
   * under a temporary name and moved in when complete ({@link AtomicFile}).
   */
  public static void write(ObjectNode report, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    AtomicFile.write(
        file,
        temporary ->
            MAPPER
                .copy()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(temporary.toFile(), report));
  }
}
