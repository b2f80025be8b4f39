package org.snncodesign.cli.data;

import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.datasets.encoding.ValueRange;
import org.snncodesign.flow.data.DatasetLocator;
import org.snncodesign.flow.report.DatasetInfoReport;
import org.snncodesign.flow.report.LabelHistogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code snn data info PATH}: format, sample count, shape, classes and label histogram of a data
 * set.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Show a data set's format, sample count, sample shape, value range and label histogram.")
public final class DataInfoCommand implements Callable<Integer> {
  /** Characters of the longest label bar. */
  private static final int BAR_WIDTH = 40;

  private final PluginRegistry registry;

  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "A data file or folder, or embedded:digits for the data set inside the jar.")
  String path;

  @Option(
      names = "--format",
      paramLabel = "PLUGIN",
      description =
          "Data-set plugin to read PATH with (idx, csv, wav, nmnist, aedat, uci-digits); default: the first that accepts it.")
  String format;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Inject
  public DataInfoCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    System.err.println("reading " + path + " ...");
    DatasetLocator.Located located = new DatasetLocator(registry).locate(path, format);
    LabeledDataset data = located.dataset();
    List<LabelHistogram.Bar> bars = LabelHistogram.of(data, BAR_WIDTH);
    PrintStream out = System.out;
    if (json) {
      JsonReport.printLine(
          JsonReport.of("data info", DatasetInfoReport.of(path, located.format(), data, bars)),
          out);
      return 0;
    }
    Optional<ValueRange> values = ValueRange.of(data.features());
    out.printf("data set   %s%n", data.name());
    out.printf("format     %s%n", located.format());
    out.printf("samples    %d%n", data.samples());
    out.printf(
        "shape      %s (%d values a sample)%n", Arrays.toString(data.shape()), data.sampleSize());
    values.ifPresent(range -> out.printf("values     %s .. %s%n", range.min(), range.max()));
    out.printf("classes    %d%n", data.classes());
    bars.forEach(
        bar -> out.printf("  %-12s %7d %s%n", bar.label(), bar.count(), "#".repeat(bar.length())));
    return 0;
  }
}
