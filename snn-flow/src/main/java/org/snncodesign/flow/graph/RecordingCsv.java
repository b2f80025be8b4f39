package org.snncodesign.flow.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.neurons.graph.GraphRecording;

/**
 * A graph simulation's recording as long-format CSV files, one value a row, nodes in name order:
 * every spike ({@code step,node,neuron}), the neuron voltages ({@code step,node,neuron,v}) and the
 * Output values ({@code step,output,index,value}).
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
    try (CSVPrinter csv = printer(file, "step", "node", "neuron")) {
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
    }
    return counts;
  }

  /** Writes the voltage of every recorded neuron at every step to {@code file}. */
  public static void writeVoltages(GraphRecording recording, Path file) throws IOException {
    try (CSVPrinter csv = printer(file, "step", "node", "neuron", "v")) {
      for (String node : recording.voltageNodes().stream().sorted().toList()) {
        writeValues(csv, node, recording.voltages(node));
      }
    }
  }

  /** Writes the values of every Output node at every step to {@code file}. */
  public static void writeOutputs(GraphRecording recording, Path file) throws IOException {
    try (CSVPrinter csv = printer(file, "step", "output", "index", "value")) {
      for (String node : recording.outputNodes().stream().sorted().toList()) {
        writeValues(csv, node, recording.output(node));
      }
    }
  }

  private static void writeValues(CSVPrinter csv, String node, float[][] values)
      throws IOException {
    for (int t = 0; t < values.length; t++) {
      for (int i = 0; i < values[t].length; i++) {
        csv.printRecord(t, node, i, values[t][i]);
      }
    }
  }

  private static CSVPrinter printer(Path file, String... header) throws IOException {
    Writer writer = Files.newBufferedWriter(file);
    try {
      return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get());
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
  }
}
