package org.snncodesign.cli.nir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.snncodesign.api.graph.Edge;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.nir.NirInfo;
import org.snncodesign.nir.NirReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code snn nir info FILE}: the nodes, edges, shapes and sizes of a NIR graph. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Nodes (type, shapes, parameters, neurons) and edges of a NIR file.")
public final class NirInfoCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "A .nir file.")
  Path file;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    NirReader reader = new NirReader();
    NetworkGraph graph = reader.read(file);
    NirInfo info = NirInfo.of(reader.readVersion(file).orElse("unknown"), graph);
    PrintStream out = System.out;
    ObjectNode report = JsonReport.create("nir info");
    report.put("file", file.toString());
    report.put("nir_version", info.version());
    report.put("parameters", info.parameters());
    report.put("neurons", info.neurons());
    ArrayNode nodes = report.putArray("nodes");
    if (!json) {
      out.printf(
          "%s: NIR %s, %d nodes, %d edges, %,d parameters, %,d neurons%n",
          file,
          info.version(),
          info.nodes().size(),
          graph.edges().size(),
          info.parameters(),
          info.neurons());
      out.printf(
          "%-24s %-10s %-16s %-16s %12s %10s%n",
          "NODE", "TYPE", "INPUT", "OUTPUT", "PARAMETERS", "NEURONS");
    }
    for (NirInfo.Node node : info.nodes()) {
      ObjectNode row = nodes.addObject();
      row.put("name", node.name());
      row.put("type", node.type());
      shape(row, "input_shape", node.inputShape());
      shape(row, "output_shape", node.outputShape());
      row.put("parameters", node.parameters());
      row.put("neurons", node.neurons());
      if (!json) {
        out.printf(
            "%-24s %-10s %-16s %-16s %,12d %,10d%n",
            node.name(),
            node.type(),
            node.inputShape().map(Shape::toString).orElse("-"),
            node.outputShape().map(Shape::toString).orElse("-"),
            node.parameters(),
            node.neurons());
      }
    }
    ArrayNode edges = report.putArray("edges");
    for (Edge edge : graph.edges()) {
      edges.addArray().add(edge.source()).add(edge.target());
      if (!json) {
        out.println("edge " + edge);
      }
    }
    ObjectNode metadata = report.putObject("metadata");
    graph.metadata().forEach(metadata::put);
    if (json) {
      JsonReport.printLine(report, out);
    }
    return 0;
  }

  private static void shape(ObjectNode row, String field, Optional<Shape> shape) {
    if (shape.isPresent()) {
      ArrayNode dims = row.putArray(field);
      Arrays.stream(shape.get().dims()).forEach(dims::add);
    } else {
      row.putNull(field);
    }
  }
}
