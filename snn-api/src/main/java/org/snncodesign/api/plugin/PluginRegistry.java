package org.snncodesign.api.plugin;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.SnnException;
import org.snncodesign.api.dataset.DatasetProvider;

/**
 * Every provider found with {@link ServiceLoader} on a class loader, by kind.
 *
 * <p>Discovery never stops at a broken provider: a class that cannot be loaded, a constructor that
 * throws, a plugin built for another API major version, or a data-set plugin that takes a built-in
 * data set's name ({@link DatasetProvider#builtInName}) is recorded with its problem, and the
 * others load as usual.
 */
public final class PluginRegistry {
  private final List<PluginDescriptor> descriptors;

  private PluginRegistry(List<PluginDescriptor> descriptors) {
    this.descriptors = List.copyOf(descriptors);
  }

  /**
   * Discovers providers on the context class loader (or this class's loader when there is none).
   */
  public static PluginRegistry discover() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return discover(context != null ? context : PluginRegistry.class.getClassLoader());
  }

  /** Discovers the providers of every {@link PluginKind} visible to {@code loader}. */
  public static PluginRegistry discover(ClassLoader loader) {
    List<PluginDescriptor> found = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      found.addAll(discoverKind(kind, loader));
    }
    return new PluginRegistry(found);
  }

  private static List<PluginDescriptor> discoverKind(PluginKind kind, ClassLoader loader) {
    List<PluginDescriptor> found = new ArrayList<>();
    Iterator<? extends Plugin> providers = ServiceLoader.load(kind.contract(), loader).iterator();
    // ServiceLoader recovers after an error on the next call; the bound guards against a loader
    // that does not.
    for (int attempts = 0; attempts < 10_000; attempts++) {
      try {
        if (!providers.hasNext()) {
          break;
        }
        found.add(describe(kind, providers.next()));
      } catch (ServiceConfigurationError error) {
        found.add(failed(kind, error));
      }
    }
    return found;
  }

  private static PluginDescriptor describe(PluginKind kind, Plugin plugin) {
    String source = sourceOf(plugin.getClass());
    String className = plugin.getClass().getName();
    String name;
    String version;
    ApiVersion builtFor;
    try {
      name = plugin.name();
      version = plugin.version();
      builtFor = plugin.apiVersion();
    } catch (RuntimeException e) {
      return new PluginDescriptor(
          kind,
          className,
          "?",
          "?",
          className,
          source,
          PluginDescriptor.Status.FAILED,
          Optional.of("its name(), version() or apiVersion() threw " + e),
          Optional.empty());
    }
    Optional<String> refusal = refusal(kind, name, className, source, builtFor);
    return new PluginDescriptor(
        kind,
        name,
        version,
        builtFor.toString(),
        className,
        source,
        refusal.isPresent() ? PluginDescriptor.Status.INCOMPATIBLE : PluginDescriptor.Status.LOADED,
        refusal,
        refusal.isPresent() ? Optional.empty() : Optional.of(plugin));
  }

  /**
   * Why a plugin that loaded is refused: built for another API major version, or a data-set plugin
   * that takes a built-in data set's name; empty when it is not.
   */
  private static Optional<String> refusal(
      PluginKind kind, String name, String className, String source, ApiVersion builtFor) {
    if (!ApiVersion.CURRENT.accepts(builtFor)) {
      return Optional.of(
          String.format(
              "plugin '%s' (%s) from %s was built for snn-api %s, but this is snn-api %s; refused",
              name, className, source, builtFor, ApiVersion.CURRENT));
    }
    if (kind.contract() == DatasetProvider.class && DatasetProvider.builtInName(name)) {
      return Optional.of(
          String.format(
              "data-set plugin '%s' (%s) from %s has the name of a built-in data set (%s or %sNAME),"
                  + " which --dataset %s would read in its place; refused, rename it",
              name,
              className,
              source,
              String.join(", ", DatasetProvider.BUILT_IN_NAMES),
              DatasetProvider.USER_NAMED_IDX,
              name));
    }
    return Optional.empty();
  }

  private static PluginDescriptor failed(PluginKind kind, ServiceConfigurationError error) {
    String message = error.getMessage() == null ? error.toString() : error.getMessage();
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String className = providerClassName(message);
    if (root != error) {
      message = message + " (cause: " + root + ")";
    }
    return new PluginDescriptor(
        kind,
        className,
        "?",
        "?",
        className,
        "?",
        PluginDescriptor.Status.FAILED,
        Optional.of(message),
        Optional.empty());
  }

  // ServiceLoader's messages read "<service>: Provider <class> could not be instantiated"; recover
  // <class>.
  private static String providerClassName(String message) {
    int at = message.indexOf("Provider ");
    if (at < 0) {
      return "?";
    }
    String rest = message.substring(at + "Provider ".length());
    int end = rest.indexOf(' ');
    return end < 0 ? rest : rest.substring(0, end);
  }

  private static String sourceOf(Class<?> type) {
    CodeSource codeSource = type.getProtectionDomain().getCodeSource();
    URL location = codeSource == null ? null : codeSource.getLocation();
    return location == null ? "?" : location.toString();
  }

  /** Every provider found, loaded or not, in discovery order. */
  public List<PluginDescriptor> all() {
    return descriptors;
  }

  /** Providers that were refused or failed. */
  public List<PluginDescriptor> problems() {
    return descriptors.stream().filter(d -> !d.loaded()).collect(Collectors.toList());
  }

  /** The loaded providers of one contract. */
  public <T extends Plugin> List<T> providers(Class<T> contract) {
    List<T> result = new ArrayList<>();
    for (PluginDescriptor d : descriptors) {
      if (d.loaded() && contract.isInstance(d.instance().orElseThrow())) {
        result.add(contract.cast(d.instance().orElseThrow()));
      }
    }
    return result;
  }

  /** The loaded provider of {@code contract} named {@code name}, if any. */
  public <T extends Plugin> Optional<T> find(Class<T> contract, String name) {
    return providers(contract).stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The loaded provider of {@code contract} named {@code name}.
   *
   * @throws SnnException naming the wanted plugin and the ones available
   */
  public <T extends Plugin> T require(Class<T> contract, String name) {
    return find(contract, name)
        .orElseThrow(
            () ->
                new SnnException(
                    String.format(
                        "no %s plugin named '%s'; available: %s",
                        contract.getSimpleName(),
                        name,
                        providers(contract).stream()
                            .map(Plugin::name)
                            .sorted()
                            .collect(Collectors.toList()))));
  }
}
