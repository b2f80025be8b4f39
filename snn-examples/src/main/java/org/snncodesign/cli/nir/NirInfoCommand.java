package org.snncodesign.cli.nir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.snncodesign.api.graph.Edge;
import org.snncodesign.api.graph.NetworkGraph;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.NirInfoReport;
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
    NirInfoReport report = NirInfoReport.of(file.toString(), info, graph);
    if (json) {
      JsonReport.printLine(JsonReport.of("nir info", report), out);
      return 0;
    }
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
    for (NirInfo.Node node : info.nodes()) {
      out.printf(
          "%-24s %-10s %-16s %-16s %,12d %,10d%n",
          node.name(),
          node.type(),
          node.inputShape().map(Shape::toString).orElse("-"),
          node.outputShape().map(Shape::toString).orElse("-"),
          node.parameters(),
          node.neurons());
    }
    for (Edge edge : graph.edges()) {
      out.println("edge " + edge);
    }
    return 0;
  }
}
