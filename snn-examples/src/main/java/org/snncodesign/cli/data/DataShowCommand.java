package org.snncodesign.cli.data;

import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.datasets.encoding.SpikeInput;
import org.snncodesign.flow.data.DatasetLocator;
import org.snncodesign.flow.report.PngFile;
import org.snncodesign.flow.report.SampleImage;
import org.snncodesign.flow.report.SampleImageReport;
import org.snncodesign.flow.report.StagedOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code snn data show PATH --index i}: renders one sample as PNG — the image, the event frame (red
 * = off, green = on), the waveform — or, with {@code --coding}, the spike raster its encoding
 * gives.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Render one sample as PNG: an image, an event frame, a waveform, or with --coding its spike raster.")
public final class DataShowCommand implements Callable<Integer> {
  private final PluginRegistry registry;

  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "A data file or folder, or embedded:digits for the data set inside the jar.")
  String path;

  @Option(
      names = "--index",
      defaultValue = "0",
      description = "Sample to render (default ${DEFAULT-VALUE}).")
  int index;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "PNG",
      description = "Image file (default sample-<index>.png).")
  Path output;

  @Option(
      names = "--scale",
      defaultValue = "8",
      description = "Pixels per data pixel or spike (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--format",
      paramLabel = "PLUGIN",
      description = "Data-set plugin to read PATH with.")
  String format;

  @Option(
      names = "--coding",
      paramLabel = "PLUGIN",
      description =
          "Encode the sample with this coding plugin (e.g. rate, ttfs, phase) and draw the spike raster.")
  String coding;

  @Option(
      names = "--steps",
      defaultValue = "32",
      description = "Time steps of the coding (default ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the coding (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Inject
  public DataShowCommand(PluginRegistry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() throws Exception {
    if (scale < 1 || scale > 64) {
      throw new InvalidInputException("--scale must be in [1, 64], got " + scale);
    }
    DatasetLocator.Located located = new DatasetLocator(registry).locate(path, format);
    LabeledDataset data = located.dataset();
    if (index < 0 || index >= data.samples()) {
      throw new InvalidInputException(
          "--index " + index + " outside [0, " + data.samples() + ") of " + path);
    }
    BufferedImage image;
    long spikes = -1;
    if (coding != null) {
      SpikeEncoder encoder = registry.require(SpikeEncoder.class, coding);
      SpikeRaster raster =
          SpikeInput.of(data, encoder, CodingParameters.of(steps, seed)).encode(index);
      spikes = raster.count();
      image = SampleImage.raster(raster, Math.min(scale, 4));
    } else {
      image = SampleImage.render(data.sample(index), data.shape(), scale);
    }
    Path file = output != null ? output : Path.of("sample-" + index + ".png");
    PngFile.save(image, file);
    String label = data.classNames().get(data.labels()[index]);
    System.err.println("wrote " + StagedOutput.shown(file));
    if (json) {
      SampleImageReport report =
          new SampleImageReport(
              path,
              located.format(),
              index,
              label,
              Arrays.stream(data.shape()).boxed().toList(),
              StagedOutput.shown(file).toString(),
              image.getWidth(),
              image.getHeight(),
              coding,
              coding == null ? null : steps,
              coding == null ? null : spikes);
      JsonReport.printLine(JsonReport.of("data show", report), System.out);
    } else {
      System.out.printf(
          "sample %d (label %s, shape %s) -> %s (%d x %d)%n",
          index,
          label,
          Arrays.toString(data.shape()),
          StagedOutput.shown(file),
          image.getWidth(),
          image.getHeight());
    }
    return 0;
  }
}
