package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.plugin.Plugin;
import org.snncodesign.api.plugin.PluginDescriptor;
import org.snncodesign.api.plugin.PluginRegistry;

/**
 * Every provider a {@link PluginRegistry} found, loaded or refused, with the counts of each, as
 * {@code snn plugins} reports it; Jackson writes it with snake-case keys in this order.
 *
 * @param apiVersion the API version of this {@code snn-api}
 * @param plugins every provider, in discovery order
 * @param loaded providers loaded
 * @param problems providers refused or failed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record PluginsReport(String apiVersion, List<Entry> plugins, long loaded, long problems) {

  /**
   * One provider.
   *
   * @param kind its plugin kind's label
   * @param name its name
   * @param version its own version
   * @param apiVersion the API version it was built for
   * @param className the provider class
   * @param source the jar or folder it came from, as a URL
   * @param status {@code loaded}, {@code incompatible} or {@code failed}
   * @param problem why it was refused or failed; null when loaded
   * @param description what it is, when loaded; else null
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      String kind,
      String name,
      String version,
      String apiVersion,
      @JsonProperty("class") String className,
      String source,
      String status,
      String problem,
      String description) {

    static Entry of(PluginDescriptor d) {
      return new Entry(
          d.kind().label(),
          d.name(),
          d.version(),
          d.apiVersion(),
          d.className(),
          d.source(),
          d.status().name().toLowerCase(Locale.ROOT),
          d.problem().orElse(null),
          d.instance().map(Plugin::description).orElse(null));
    }

    /** Whether the provider loaded (else {@link #problem()} says why not). */
    public boolean loaded() {
      return status.equals("loaded");
    }

    /**
     * The last part of {@link #source()}: the jar's file name (or the folder's name) a user
     * recognises.
     */
    public String sourceName() {
      int end = source.endsWith("/") ? source.length() - 2 : source.length();
      return source.substring(source.lastIndexOf('/', end) + 1);
    }
  }

  /** The report of {@code registry}. */
  public static PluginsReport of(PluginRegistry registry) {
    List<Entry> entries = registry.all().stream().map(Entry::of).toList();
    long loaded = entries.stream().filter(Entry::loaded).count();
    return new PluginsReport(
        ApiVersion.CURRENT.toString(), entries, loaded, registry.all().size() - loaded);
  }
}
