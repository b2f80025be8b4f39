package org.snncodesign.flow.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.SnnException;
import org.snncodesign.api.plugin.PluginRegistry;

/** What the demo's stages share: settings, the plugins and the values stages hand on. */
public final class DemoContext {

  /** A typed name for a value one stage hands to the next. */
  public record Key<T>(String name, Class<T> type) {}

  private final PluginRegistry plugins;
  private final Path outputFolder;
  private final long seed;
  private final PrintStream progress;
  private final Map<Key<?>, Object> values = new HashMap<>();

  /**
   * A context for one run.
   *
   * @param plugins where stages find neuron models, kernels and accelerators
   * @param outputFolder where stages write their files (CSV, PNG)
   * @param seed the seed of every random choice
   * @param progress where stages print progress
   */
  public DemoContext(PluginRegistry plugins, Path outputFolder, long seed, PrintStream progress) {
    this.plugins = plugins;
    this.outputFolder = outputFolder;
    this.seed = seed;
    this.progress = progress;
  }

  /** The plugins stages use. */
  public PluginRegistry plugins() {
    return plugins;
  }

  /** Where stages write their files. */
  public Path outputFolder() {
    return outputFolder;
  }

  /** The seed of every random choice. */
  public long seed() {
    return seed;
  }

  /** Where stages print progress (standard error). */
  public PrintStream progress() {
    return progress;
  }

  /** Hands {@code value} on to later stages under {@code key}. */
  public <T> void put(Key<T> key, T value) {
    values.put(key, value);
  }

  /** The value an earlier stage handed on, or empty when none did (for optional settings). */
  public <T> Optional<T> find(Key<T> key) {
    return Optional.ofNullable(values.get(key)).map(key.type()::cast);
  }

  /**
   * The value an earlier stage handed on.
   *
   * @throws SnnException naming the key when no stage produced it
   */
  public <T> T get(Key<T> key) {
    Object value = values.get(key);
    if (value == null) {
      throw new SnnException(
          "demo stage order: nothing produced '" + key.name() + "' before it was needed");
    }
    return key.type().cast(value);
  }
}
