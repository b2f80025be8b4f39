package org.snncodesign.flow.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.graph.GraphRecording;

/**
 * A graph simulation's recording as long-format CSV files, one value a row, nodes in name order:
 * every spike ({@code step,node,neuron}), the neuron voltages ({@code step,node,neuron,v}) and the
 * Output values ({@code step,output,index,value}). Each file is written as Commons CSV's default
 * format (lines ended by {@code \r\n}) row by row and appears only when complete ({@link
 * AtomicFile}).
 */
public final class RecordingCsv {
  private RecordingCsv() {}

  /**
   * The spikes of one spiking node.
   *
   * @param count spikes over the run
   * @param ratePerStep spikes per neuron and step
   */
  public record SpikeCount(String node, long count, double ratePerStep) {}

  /**
   * Writes every spike of every spiking node to {@code file}; returns the count of each node, in
   * name order.
   */
  public static List<SpikeCount> writeSpikes(GraphRecording recording, Path file)
      throws IOException {
    List<SpikeCount> counts = new ArrayList<>();
    write(
        file,
        csv -> {
          for (String node : recording.spikingNodes().stream().sorted().toList()) {
            SpikeRaster raster = recording.spikes(node);
            counts.add(new SpikeCount(node, raster.count(), raster.density()));
            for (int t = 0; t < raster.timeSteps(); t++) {
              for (int n = 0; n < raster.neurons(); n++) {
                if (raster.get(t, n)) {
                  csv.printRecord(t, node, n);
                }
              }
            }
          }
        },
        "step",
        "node",
        "neuron");
    return counts;
  }

  /** Writes the voltage of every recorded neuron at every step to {@code file}. */
  public static void writeVoltages(GraphRecording recording, Path file) throws IOException {
    writeValues(file, recording.voltageNodes(), recording::voltages, "step", "node", "neuron", "v");
  }

  /** Writes the values of every Output node at every step to {@code file}. */
  public static void writeOutputs(GraphRecording recording, Path file) throws IOException {
    writeValues(
        file, recording.outputNodes(), recording::output, "step", "output", "index", "value");
  }

  /**
   * Writes {@code header} (step, node, index, value) and a row for every value of {@code nodes}, in
   * name order, each node's values by step.
   */
  private static void writeValues(
      Path file, Set<String> nodes, Function<String, float[][]> valuesOf, String... header)
      throws IOException {
    write(
        file,
        csv -> {
          for (String node : nodes.stream().sorted().toList()) {
            float[][] values = valuesOf.apply(node);
            for (int t = 0; t < values.length; t++) {
              for (int i = 0; i < values[t].length; i++) {
                csv.printRecord(t, node, i, values[t][i]);
              }
            }
          }
        },
        header);
  }

  /** Prints a file's rows; recordings can be long, so rows are streamed, not collected. */
  @FunctionalInterface
  private interface Rows {
    void printTo(CSVPrinter csv) throws IOException;
  }

  /** Writes {@code header} and the rows {@code rows} prints to {@code file}, moved in when done. */
  private static void write(Path file, Rows rows, String... header) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header).get();
    AtomicFile.write(
        file,
        temporary -> {
          try (Writer writer = Files.newBufferedWriter(temporary);
              CSVPrinter csv = new CSVPrinter(writer, format)) {
            rows.printTo(csv);
          }
        });
  }
}
