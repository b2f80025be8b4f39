package org.snncodesign.flow.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.flow.measure.NetworkSource;
import org.snncodesign.flow.report.HardwareFigures;

/**
 * The report of a co-design search ({@link CoSearchRun}), as {@code snn hw search --json} and
 * {@code snn-spark.jar hw-search --json} print it and write it to {@code search.json}: what every
 * search reports, the data set, the joint search's part (null for an accelerator-only search) and
 * the files written (null without {@code --out}). Jackson writes it as one flat object with
 * snake-case keys, the parts' keys interleaved in a fixed order ({@code schema_version}, {@code
 * command}, the search's figures, {@code network_genes}, the network and its data set, the joint
 * search's figures, best design, front sizes, files), leaving out what is absent.
 *
 * @param search what every search reports
 * @param dataset the data set the network ran on, null for synthetic weights and spikes
 * @param joint the joint search's part, null for an accelerator-only search
 * @param files the files written, null without {@code --out}
 */
public record CoSearchReport(
    Search search, NetworkSource.Dataset dataset, Joint joint, Files files) {

  /** Version of the report layout; bump when a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * What every search reports.
   *
   * @param space the design space searched
   * @param workload the workload's name
   * @param budget the FPGA budget's name
   * @param seed the search's seed
   * @param staticEnergy whether the minimised EDP included static energy, in words
   * @param evaluated designs evaluated
   * @param baselineEdp EDP of the baseline design, J*s
   * @param bestEdp EDP of the best design, J*s
   * @param edpReduction baseline over best EDP
   * @param baseline the baseline design's hardware report
   * @param best the best design's hardware report (joint: with its network configuration)
   * @param paretoSize designs on the EDP Pareto front
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Search(
      String space,
      String workload,
      String budget,
      long seed,
      String staticEnergy,
      int evaluated,
      double baselineEdp,
      double bestEdp,
      double edpReduction,
      HardwareFigures baseline,
      HardwareFigures best,
      int paretoSize) {}

  /**
   * What a search of the network's compression next to the accelerator's parameters adds.
   *
   * @param network the network's name
   * @param firstLayer how the analog-input first layer was priced
   * @param fineTuneEpochs fine-tuning epochs per variant
   * @param validationSamples samples the variants ran on
   * @param testSamples samples of the held-out half the search never saw
   * @param maxAccuracyDropPoints the accuracy drop allowed, percentage points
   * @param minAccuracy the accuracy floor
   * @param baselineAccuracy the unmodified network's validation accuracy
   * @param bestAccuracy the best variant's validation accuracy
   * @param baselineTestAccuracy the unmodified network's test accuracy
   * @param bestTestAccuracy the best variant's test accuracy
   * @param networkVariants distinct network genomes evaluated
   * @param rejectedForAccuracy designs whose variant fell below the floor
   * @param acceleratorOnly the accelerator search alone on the unmodified network
   * @param networkGenesGain accelerator-only best EDP over the joint best EDP
   * @param baselineNetwork the unmodified network's configuration
   * @param accuracyFrontSize designs on the accuracy Pareto front
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Joint(
      String network,
      String firstLayer,
      int fineTuneEpochs,
      int validationSamples,
      int testSamples,
      double maxAccuracyDropPoints,
      double minAccuracy,
      double baselineAccuracy,
      double bestAccuracy,
      double baselineTestAccuracy,
      double bestTestAccuracy,
      long networkVariants,
      long rejectedForAccuracy,
      AcceleratorOnly acceleratorOnly,
      double networkGenesGain,
      Map<String, String> baselineNetwork,
      int accuracyFrontSize) {}

  /**
   * The accelerator-only search beside a joint one.
   *
   * @param bestEdp its best EDP, J*s
   * @param edpReduction its baseline over best EDP
   * @param evaluated designs it evaluated
   * @param best its best design's hardware report
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record AcceleratorOnly(
      double bestEdp, double edpReduction, int evaluated, HardwareFigures best) {}

  /**
   * The files of an output folder, as the report names them (where they end up).
   *
   * @param paretoPng the latency-energy chart
   * @param paretoCsv the latency-energy front (not in {@code search.json})
   * @param paretoAccuracyPng the accuracy chart of a joint search, else null
   * @param paretoAccuracyCsv the accuracy front of a joint search, else null (not in {@code
   *     search.json})
   */
  public record Files(
      String paretoPng, String paretoCsv, String paretoAccuracyPng, String paretoAccuracyCsv) {
    /** The files of an accelerator-only search: the latency-energy front alone. */
    public Files(String paretoPng, String paretoCsv) {
      this(paretoPng, paretoCsv, null, null);
    }
  }

  /** Whether the network was searched too. */
  public boolean networkGenes() {
    return joint != null;
  }

  /** The report as one line of JSON. */
  public String toJsonLine() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the report pretty-printed to {@code file} ({@code search.json}), without the names of
   * the CSV files beside it, under a temporary name moved in when complete.
   */
  public void write(Path file) throws IOException {
    ObjectNode json = MAPPER.valueToTree(this);
    json.remove("pareto_csv");
    json.remove("pareto_accuracy_csv");
    AtomicFile.write(
        file,
        temporary -> MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), json));
  }

  /** What Jackson writes for the report: its parts laid out as {@link Layout} orders them. */
  @JsonValue
  private Layout layout() {
    return new Layout(
        SCHEMA_VERSION,
        "hw search",
        search,
        networkGenes(),
        field(joint, Joint::network),
        field(dataset, NetworkSource.Dataset::name),
        field(dataset, NetworkSource.Dataset::sha256),
        field(dataset, NetworkSource.Dataset::data),
        joint,
        search.best(),
        field(joint, Joint::baselineNetwork),
        search.paretoSize(),
        field(joint, Joint::accuracyFrontSize),
        field(files, Files::paretoPng),
        field(files, Files::paretoAccuracyPng),
        field(files, Files::paretoCsv),
        field(files, Files::paretoAccuracyCsv));
  }

  /** Field {@code field} of {@code part}, null when the report has no such part. */
  private static <P, T> T field(P part, Function<P, T> field) {
    return part == null ? null : field.apply(part);
  }

  /**
   * The keys of the report in the order {@code search.json} has always had them, which interleaves
   * the parts: the search's and the joint part's runs of keys are unwrapped in place (Jackson
   * writes an unwrapped record component where it is declared), their other keys placed one by one;
   * null values are left out.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record Layout(
      int schemaVersion,
      String command,
      @JsonUnwrapped @JsonIgnoreProperties({"best", "pareto_size"}) Search search,
      boolean networkGenes,
      String network,
      String dataset,
      String datasetSha256,
      String data,
      @JsonUnwrapped @JsonIgnoreProperties({"network", "baseline_network", "accuracy_front_size"})
          Joint joint,
      HardwareFigures best,
      Map<String, String> baselineNetwork,
      int paretoSize,
      Integer accuracyFrontSize,
      String paretoPng,
      String paretoAccuracyPng,
      String paretoCsv,
      String paretoAccuracyCsv) {}
}
