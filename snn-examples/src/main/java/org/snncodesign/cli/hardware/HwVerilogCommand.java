package org.snncodesign.cli.hardware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.fpga.lsm.LutLsmConfig;
import org.snncodesign.fpga.verilog.BitmapPeVerilog;
import org.snncodesign.fpga.verilog.IcarusSimulator;
import org.snncodesign.fpga.verilog.LifStimulus;
import org.snncodesign.fpga.verilog.LutLifVerilog;
import org.snncodesign.fpga.verilog.PeStimulus;
import org.snncodesign.fpga.verilog.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn hw verilog}: writes an exported block (the bitmap dual-sparsity PE, or the {@code lut-lsm} LIF core
 * with LUT leak), its testbench and Java-generated stimulus/expected files, and (when Icarus Verilog is installed)
 * simulates them and reports the mismatches. {@code --block all} writes each block into its own sub-folder.
 */
@Command(name = "verilog", mixinStandardHelpOptions = true,
    description = "Export the bitmap PE and/or the LUT-leak LIF core as Verilog with a self-checking testbench; "
        + "simulate it with Icarus Verilog.")
public final class HwVerilogCommand implements Callable<Integer> {
  /** The exportable blocks. */
  enum Block {
    BITMAP_PE, LUT_LIF, ALL
  }

  @Option(names = "--out", defaultValue = "snn-out/verilog", description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--block", defaultValue = "bitmap-pe",
      description = "bitmap-pe, lut-lif (the lut-lsm neuron core, default LutLsmConfig) or all (default "
          + "${DEFAULT-VALUE}).", converter = BlockConverter.class)
  Block block;

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

  /** Parses kebab-case block names. */
  static final class BlockConverter implements picocli.CommandLine.ITypeConverter<Block> {
    @Override
    public Block convert(String value) {
      return Block.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  @Override
  public Integer call() throws IOException {
    ObjectNode report = JsonReport.create("hw verilog");
    boolean simulate = !noSimulate && IcarusSimulator.available();
    if (!noSimulate && !simulate) {
      report.put("skipped", "iverilog/vvp not found; install with apt-get install -y iverilog");
      System.err.println("hw verilog: iverilog not found, files written but not simulated");
    }
    int exit;
    if (block == Block.ALL) {
      ArrayNode blocks = report.putArray("blocks");
      int mismatches = 0;
      for (Block b : List.of(Block.BITMAP_PE, Block.LUT_LIF)) {
        ObjectNode node = blocks.addObject();
        export(b, out.resolve(moduleOf(b)), simulate, node);
        mismatches += node.path("mismatches").asInt(0);
      }
      report.put("out", out.toString());
      report.put("vectors", vectors);
      report.put("simulated", simulate);
      if (simulate) {
        report.put("mismatches", mismatches);
        report.put("bit_exact", mismatches == 0);
      }
      exit = mismatches == 0 ? 0 : 1;
    } else {
      exit = export(block, out, simulate, report);
    }
    if (json) {
      JsonReport.printLine(report, System.out);
    }
    return exit;
  }

  private static String moduleOf(Block b) {
    return b == Block.LUT_LIF ? LutLifVerilog.MODULE : BitmapPeVerilog.MODULE;
  }

  /** Writes (and simulates) one block into {@code dir}, filling {@code report}; returns the exit status. */
  private int export(Block b, Path dir, boolean simulate, ObjectNode report) throws IOException {
    List<Path> files;
    if (b == Block.LUT_LIF) {
      LutLifVerilog rtl = LutLifVerilog.of(LutLsmConfig.DEFAULT);
      List<LifStimulus> stimuli = rtl.randomStimuli(vectors, seed);
      files = rtl.writeTo(dir, stimuli);
    } else {
      BitmapPeVerilog rtl = new BitmapPeVerilog(width, weightBits, accBits);
      List<PeStimulus> stimuli = rtl.randomStimuli(vectors, seed);
      files = rtl.writeTo(dir, stimuli);
    }
    String module = moduleOf(b);
    report.put("module", module);
    report.put("out", dir.toString());
    ArrayNode written = report.putArray("files");
    files.forEach(f -> written.add(f.toString()));
    report.put("vectors", vectors);
    report.put("simulated", simulate);
    if (!json) {
      System.out.println("wrote " + files);
    }
    if (!simulate) {
      return 0;
    }
    SimulationResult result = SimulationResult.parse(
        new IcarusSimulator(dir).run(module + "_tb", List.of(module + ".v", module + "_tb.v")));
    report.put("mismatches", result.errors());
    report.put("bit_exact", result.bitExact());
    if (!json) {
      System.out.println("Icarus Verilog (" + module + "): " + vectors + " vectors, " + result.errors()
          + " mismatches");
    }
    return result.bitExact() ? 0 : 1;
  }
}
