package org.snncodesign.flow.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.plugin.PluginRegistry;

/**
 * The flow step that loads data through the data-set plugins ({@link DatasetProvider}), by plugin
 * name or by whichever plugin accepts a file: a location string {@code embedded:NAME} is the
 * embedded set of provider {@code NAME} ({@code embedded:digits} is short for {@code
 * embedded:uci-digits}); a file or folder goes to the plugin named by {@code --format}, or else to
 * the first plugin (in discovery order) that accepts it.
 */
public final class DatasetLocator {
  /** Prefix of an embedded data set's location. */
  public static final String EMBEDDED = "embedded:";

  /** A loaded data set and the plugin that read it. */
  public record Located(String format, LabeledDataset dataset) {}

  private final PluginRegistry registry;

  /** Looks data-set plugins up in {@code registry}. */
  public DatasetLocator(PluginRegistry registry) {
    this.registry = registry;
  }

  /**
   * The data set at {@code path} ({@code embedded:NAME} or a file or folder), read by plugin {@code
   * format} or, when null, by the first plugin that accepts it.
   *
   * @throws InvalidInputException naming the path or the plugin when nothing can read it
   */
  public Located locate(String path, String format) throws IOException {
    if (path.startsWith(EMBEDDED)) {
      String name = path.substring(EMBEDDED.length());
      String plugin = name.equals("digits") ? "uci-digits" : name;
      if (format != null && !format.equals(plugin)) {
        registry.require(DatasetProvider.class, format);
        throw new InvalidInputException(
            "--format "
                + format
                + " does not apply to "
                + path
                + ", which plugin '"
                + plugin
                + "' provides; leave --format out or give --format "
                + plugin);
      }
      DatasetProvider provider = registry.require(DatasetProvider.class, plugin);
      LabeledDataset data =
          provider
              .embedded()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "data-set plugin '"
                              + plugin
                              + "' has no embedded data set; embedded sets: "
                              + embeddedNames()));
      return new Located(plugin, data);
    }
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      throw new InvalidInputException(
          "no such file or folder: "
              + path
              + " (use embedded:digits for the data set inside the jar)");
    }
    if (format != null) {
      return new Located(format, registry.require(DatasetProvider.class, format).load(file));
    }
    for (DatasetProvider provider : registry.providers(DatasetProvider.class)) {
      if (provider.accepts(file)) {
        return new Located(provider.name(), provider.load(file));
      }
    }
    throw new InvalidInputException(
        "no data-set plugin accepts "
            + path
            + "; plugins: "
            + registry.providers(DatasetProvider.class).stream()
                .map(DatasetProvider::name)
                .collect(Collectors.toList())
            + " (choose one with --format)");
  }

  private List<String> embeddedNames() {
    return registry.providers(DatasetProvider.class).stream()
        .filter(
            p -> {
              try {
                return p.embedded().isPresent();
              } catch (IOException e) {
                return false;
              }
            })
        .map(p -> EMBEDDED + p.name())
        .collect(Collectors.toList());
  }
}
