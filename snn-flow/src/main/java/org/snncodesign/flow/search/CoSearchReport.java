package org.snncodesign.flow.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.snncodesign.flow.report.AtomicFile;
import org.snncodesign.flow.report.HardwareFigures;

/**
 * The report of a co-design search ({@link CoSearchRun}), as {@code snn hw search --json} and
 * {@code snn-spark.jar hw-search --json} print it and write it to {@code search.json}; Jackson
 * writes it with snake-case keys in this order, leaving out what is null: the joint search's fields
 * for an accelerator-only search, the data set for the synthetic workload, the files without {@code
 * --out}. Hardware reports are {@link HardwareFigures}.
 *
 * @param schemaVersion version of the report layout, {@link #SCHEMA_VERSION}
 * @param command {@code hw search}
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
 * @param networkGenes whether the network was searched too
 * @param network joint: the network's name
 * @param dataset the data set the network ran on, null for synthetic weights and spikes
 * @param datasetSha256 SHA-256 of an IDX data set's files, else null
 * @param data the file a data-set plugin read, else null
 * @param firstLayer joint: how the analog-input first layer was priced
 * @param fineTuneEpochs joint: fine-tuning epochs per variant
 * @param validationSamples joint: samples the variants ran on
 * @param testSamples joint: samples of the held-out half the search never saw
 * @param maxAccuracyDropPoints joint: the accuracy drop allowed, percentage points
 * @param minAccuracy joint: the accuracy floor
 * @param baselineAccuracy joint: the unmodified network's validation accuracy
 * @param bestAccuracy joint: the best variant's validation accuracy
 * @param baselineTestAccuracy joint: the unmodified network's test accuracy
 * @param bestTestAccuracy joint: the best variant's test accuracy
 * @param networkVariants joint: distinct network genomes evaluated
 * @param rejectedForAccuracy joint: designs whose variant fell below the floor
 * @param acceleratorOnly joint: the accelerator search alone on the unmodified network
 * @param networkGenesGain joint: accelerator-only best EDP over the joint best EDP
 * @param best the best design's hardware report (joint: with its network configuration)
 * @param baselineNetwork joint: the unmodified network's configuration
 * @param paretoSize designs on the EDP Pareto front
 * @param accuracyFrontSize joint: designs on the accuracy Pareto front
 * @param paretoPng the latency-energy chart, with {@code --out}
 * @param paretoAccuracyPng joint: the accuracy chart, with {@code --out}
 * @param paretoCsv the latency-energy front, with {@code --out} (not in {@code search.json})
 * @param paretoAccuracyCsv joint: the accuracy front, with {@code --out} (not in {@code
 *     search.json})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoSearchReport(
    int schemaVersion,
    String command,
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
    boolean networkGenes,
    String network,
    String dataset,
    String datasetSha256,
    String data,
    String firstLayer,
    Integer fineTuneEpochs,
    Integer validationSamples,
    Integer testSamples,
    Double maxAccuracyDropPoints,
    Double minAccuracy,
    Double baselineAccuracy,
    Double bestAccuracy,
    Double baselineTestAccuracy,
    Double bestTestAccuracy,
    Long networkVariants,
    Long rejectedForAccuracy,
    AcceleratorOnly acceleratorOnly,
    Double networkGenesGain,
    HardwareFigures best,
    Map<String, String> baselineNetwork,
    int paretoSize,
    Integer accuracyFrontSize,
    String paretoPng,
    String paretoAccuracyPng,
    String paretoCsv,
    String paretoAccuracyCsv) {

  /** Version of the report layout; bump when a field changes meaning or disappears. */
  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

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
}
