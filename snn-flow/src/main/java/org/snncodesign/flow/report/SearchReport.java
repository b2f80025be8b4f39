package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.flow.search.CoDesignSearch;
import org.snncodesign.fpga.search.Candidate;
import org.snncodesign.fpga.search.SearchResult;

/**
 * What a {@link CoDesignSearch} found, as {@code snn hw search} reports it: the search's settings,
 * the baseline and best designs with their EDPs, and for a joint search ({@link
 * CoDesignSearch#joint}) the network side too (accuracies, variants, the accelerator-only search it
 * is measured against). Jackson writes it with snake-case keys in this order; the fields of a joint
 * search only are null (left out) for an accelerator-only one.
 *
 * @param space the design space searched
 * @param workload the workload's name
 * @param budget the FPGA budget's name
 * @param seed the search's seed
 * @param staticEnergy whether static energy is in the EDPs, in words
 * @param evaluated designs evaluated
 * @param baselineEdp the baseline design's EDP on the unmodified network
 * @param bestEdp the best design's EDP
 * @param edpReduction baseline EDP over best EDP
 * @param baseline the baseline design's figures
 * @param networkGenes whether the network was searched too
 * @param network joint: the network's name
 * @param dataset the data set the network ran on; null for synthetic workloads
 * @param firstLayer joint: how the analog first layer was priced
 * @param fineTuneEpochs joint: fine-tuning epochs of every variant
 * @param validationSamples joint: samples the variants ran on
 * @param testSamples joint: samples of the test half
 * @param maxAccuracyDropPoints joint: the largest accuracy drop accepted, in percentage points
 * @param minAccuracy joint: the accuracy floor
 * @param baselineAccuracy joint: the unmodified network's validation accuracy
 * @param bestAccuracy joint: the best variant's validation accuracy
 * @param baselineTestAccuracy joint: the unmodified network's test accuracy
 * @param bestTestAccuracy joint: the best variant's test accuracy
 * @param networkVariants joint: distinct network variants evaluated
 * @param rejectedForAccuracy joint: designs whose variant fell below the floor
 * @param acceleratorOnly joint: the accelerator-only search on the unmodified network
 * @param networkGenesGain joint: the accelerator-only best EDP over the joint best EDP
 * @param best the best design's figures (joint: with its network variant)
 * @param baselineNetwork joint: the unmodified network's configuration
 * @param paretoSize designs on the energy-latency Pareto front
 * @param accuracyFrontSize joint: designs on the EDP-accuracy front
 * @param paretoPng the energy-latency chart, when written
 * @param paretoAccuracyPng joint: the EDP-accuracy chart, when written
 * @param paretoCsv the energy-latency front, when written
 * @param paretoAccuracyCsv joint: the EDP-accuracy front, when written
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchReport(
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
    @JsonUnwrapped DatasetName dataset,
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

  /**
   * The accelerator-only search a joint search is measured against.
   *
   * @param bestEdp its best design's EDP
   * @param edpReduction its baseline EDP over its best EDP
   * @param evaluated designs it evaluated
   * @param best its best design's figures
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  public record AcceleratorOnly(
      double bestEdp, double edpReduction, int evaluated, HardwareFigures best) {

    static AcceleratorOnly of(SearchResult result) {
      return new AcceleratorOnly(
          result.best().edp(),
          result.edpReduction(),
          result.evaluated().size(),
          HardwareFigures.of(result.best().report()));
    }
  }

  /**
   * The report of an accelerator-only search ({@link CoDesignSearch#acceleratorOnly}) of {@code
   * workload} under {@code settings}.
   */
  public static SearchReport acceleratorOnly(
      CoDesignSearch.Settings settings, SearchResult result, String workload, DatasetName dataset) {
    return new SearchReport(
        result.space(),
        workload,
        settings.budget(),
        settings.search().seed(),
        EvaluationReport.staticEnergy(settings.search().staticPower()),
        result.evaluated().size(),
        result.baseline().energyDelayProduct(),
        result.best().edp(),
        result.edpReduction(),
        HardwareFigures.of(result.baseline()),
        false,
        null,
        dataset,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        HardwareFigures.of(result.best().report()),
        null,
        result.paretoFront().size(),
        null,
        null,
        null,
        null,
        null);
  }

  /** The report of a joint search ({@link CoDesignSearch#joint}) under {@code settings}. */
  public static SearchReport joint(
      CoDesignSearch.Settings settings, CoDesignSearch.JointResult found, DatasetName dataset) {
    SearchResult result = found.joint();
    Candidate best = found.best();
    return new SearchReport(
        result.space(),
        found.reference().workload().name(),
        settings.budget(),
        settings.search().seed(),
        EvaluationReport.staticEnergy(settings.search().staticPower()),
        result.evaluated().size(),
        result.baseline().energyDelayProduct(),
        best.edp(),
        result.edpReduction(),
        HardwareFigures.of(result.baseline()),
        true,
        found.network(),
        dataset,
        settings.firstLayer().note(),
        settings.fineTuneEpochs(),
        found.validationSamples(),
        found.testSamples(),
        settings.maxAccuracyDrop(),
        result.minAccuracy(),
        found.reference().accuracy(),
        best.accuracy(),
        found.baselineTestAccuracy(),
        found.bestTestAccuracy(),
        found.networkVariants(),
        found.rejectedForAccuracy(),
        AcceleratorOnly.of(found.acceleratorOnly()),
        found.networkGenesGain(),
        HardwareFigures.of(best.report()).withNetwork(best.network().configuration()),
        new LinkedHashMap<>(found.reference().configuration()),
        result.paretoFront().size(),
        result.accuracyFront().size(),
        null,
        null,
        null,
        null);
  }

  /**
   * The same report naming the files written: the energy-latency front's chart and CSV, and for a
   * joint search the EDP-accuracy front's ({@code null} for an accelerator-only search).
   */
  public SearchReport withFiles(
      Path paretoPng, Path paretoAccuracyPng, Path paretoCsv, Path paretoAccuracyCsv) {
    return new SearchReport(
        space,
        workload,
        budget,
        seed,
        staticEnergy,
        evaluated,
        baselineEdp,
        bestEdp,
        edpReduction,
        baseline,
        networkGenes,
        network,
        dataset,
        firstLayer,
        fineTuneEpochs,
        validationSamples,
        testSamples,
        maxAccuracyDropPoints,
        minAccuracy,
        baselineAccuracy,
        bestAccuracy,
        baselineTestAccuracy,
        bestTestAccuracy,
        networkVariants,
        rejectedForAccuracy,
        acceleratorOnly,
        networkGenesGain,
        best,
        baselineNetwork,
        paretoSize,
        accuracyFrontSize,
        shown(paretoPng),
        shown(paretoAccuracyPng),
        shown(paretoCsv),
        shown(paretoAccuracyCsv));
  }

  /** Where a file ends up ({@link StagedOutput#shown}), null for none. */
  private static String shown(Path file) {
    return file == null ? null : StagedOutput.shown(file).toString();
  }
}
