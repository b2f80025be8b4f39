package org.snncodesign.cli.hardware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.fpga.verilog.BitmapPeVerilog;
import org.snncodesign.fpga.verilog.IcarusSimulator;
import org.snncodesign.fpga.verilog.PeStimulus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn hw verilog}: writes the bitmap dual-sparsity PE, its testbench and Java-generated stimulus/expected
 * files, and (when Icarus Verilog is installed) simulates them and reports the mismatches.
 */
@Command(name = "verilog", mixinStandardHelpOptions = true,
    description = "Export the bitmap PE as Verilog with a self-checking testbench; simulate it with Icarus Verilog.")
public final class HwVerilogCommand implements Callable<Integer> {
  private static final Pattern RESULT = Pattern.compile("RESULT vectors=(\\d+) errors=(\\d+)");

  @Option(names = "--out", defaultValue = "snn-out/verilog", description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--width", defaultValue = "16", description = "Bitmap segment width W.")
  int width;

  @Option(names = "--weight-bits", defaultValue = "4", description = "Weight bits WB.")
  int weightBits;

  @Option(names = "--acc-bits", defaultValue = "16", description = "Accumulator bits AB.")
  int accBits;

  @Option(names = "--vectors", defaultValue = "10000", description = "Random stimulus cycles.")
  int vectors;

  @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed.")
  long seed;

  @Option(names = "--no-simulate", description = "Only write the files.")
  boolean noSimulate;

  @Option(names = "--json", description = "Print one JSON object as the last line of standard output.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    BitmapPeVerilog rtl = new BitmapPeVerilog(width, weightBits, accBits);
    List<PeStimulus> stimuli = rtl.randomStimuli(vectors, seed);
    List<Path> files = rtl.writeTo(out, stimuli);
    ObjectNode report = JsonReport.create("hw verilog");
    report.put("module", BitmapPeVerilog.MODULE);
    report.put("out", out.toString());
    ArrayNode written = report.putArray("files");
    files.forEach(f -> written.add(f.toString()));
    report.put("vectors", vectors);
    int exit = 0;
    if (noSimulate) {
      report.put("simulated", false);
    } else if (!IcarusSimulator.available()) {
      report.put("simulated", false);
      report.put("skipped", "iverilog/vvp not found; install with apt-get install -y iverilog");
      System.err.println("hw verilog: iverilog not found, files written but not simulated");
    } else {
      String output = new IcarusSimulator(out).run(BitmapPeVerilog.MODULE + "_tb",
          List.of(BitmapPeVerilog.MODULE + ".v", BitmapPeVerilog.MODULE + "_tb.v"));
      Matcher m = RESULT.matcher(output);
      if (!m.find()) {
        throw new IOException("simulation printed no RESULT line:\n" + output);
      }
      int errors = Integer.parseInt(m.group(2));
      report.put("simulated", true);
      report.put("mismatches", errors);
      report.put("bit_exact", errors == 0);
      exit = errors == 0 ? 0 : 1;
    }
    if (json) {
      JsonReport.printLine(report, System.out);
    } else {
      System.out.println("wrote " + files);
      if (report.has("mismatches")) {
        System.out.println("Icarus Verilog: " + vectors + " vectors, " + report.get("mismatches").asInt()
            + " mismatches");
      }
    }
    return exit;
  }
}
