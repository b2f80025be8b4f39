package org.snncodesign.cli.hardware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.api.Choices;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.fpga.lsm.LutLsmConfig;
import org.snncodesign.fpga.verilog.IcarusSimulator;
import org.snncodesign.fpga.verilog.PeArrayConfig;
import org.snncodesign.fpga.verilog.VerilogExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn hw verilog}: writes an exported block (the bitmap dual-sparsity PE, the {@code
 * lut-lsm} LIF core with LUT leak, or the FireFly-S-style array of bitmap PEs), its testbench and
 * Java-generated stimulus/expected files, and (when Icarus Verilog is installed) simulates them and
 * reports the mismatches. For the PE array it also runs one random layer without stalls and sets
 * the array's cycles against the {@code firefly-s} model's ({@code cycle_check}, files in {@code
 * layer-check/}). {@code --block all} writes each block into its own sub-folder. Each block is one
 * {@link VerilogExport}; the command picks it from the options and prints the outcome.
 */
@Command(
    name = "verilog",
    mixinStandardHelpOptions = true,
    description =
        "Export the bitmap PE, the LUT-leak LIF core and/or the bitmap PE array as Verilog with a "
            + "self-checking testbench; simulate it with Icarus Verilog.")
public final class HwVerilogCommand implements Callable<Integer> {
  /** The exportable blocks. */
  enum Block {
    BITMAP_PE,
    LUT_LIF,
    PE_ARRAY,
    ALL
  }

  @Option(
      names = "--out",
      defaultValue = "snn-out/verilog",
      description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--block",
      defaultValue = "bitmap-pe",
      description =
          "bitmap-pe, lut-lif (the lut-lsm neuron core, default LutLsmConfig), pe-array (R x C bitmap "
              + "PEs with integrate-and-fire) or all (default ${DEFAULT-VALUE}).",
      converter = BlockConverter.class)
  Block block;

  @Option(names = "--width", defaultValue = "16", description = "Bitmap segment width W.")
  int width;

  @Option(names = "--weight-bits", defaultValue = "4", description = "Weight bits WB.")
  int weightBits;

  @Option(names = "--acc-bits", defaultValue = "16", description = "Accumulator bits AB.")
  int accBits;

  @Option(
      names = "--rows",
      defaultValue = "2",
      description = "pe-array: PE rows R (time steps in parallel).")
  int rows;

  @Option(
      names = "--cols",
      defaultValue = "4",
      description = "pe-array: PE columns C (output neurons in parallel).")
  int cols;

  @Option(
      names = "--lanes",
      defaultValue = "2",
      description = "pe-array: matched pairs per PE per cycle L.")
  int lanes;

  @Option(
      names = "--threshold",
      defaultValue = "24",
      description = "pe-array: firing threshold THETA.")
  int threshold;

  @Option(names = "--vectors", defaultValue = "10000", description = "Random stimulus cycles.")
  int vectors;

  @Option(names = "--seed", defaultValue = "1", description = "Stimulus seed.")
  long seed;

  @Option(names = "--no-simulate", description = "Only write the files.")
  boolean noSimulate;

  @Option(
      names = "--json",
      description = "Print one JSON object as the last line of standard output.")
  boolean json;

  /** Parses kebab-case block names. */
  static final class BlockConverter implements picocli.CommandLine.ITypeConverter<Block> {
    @Override
    public Block convert(String value) {
      try {
        return Choices.parse(Block.class, value, "--block");
      } catch (InvalidInputException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
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
    if (block != Block.ALL) {
      VerilogExport.Outcome outcome = exportOf(block).writeTo(out, vectors, seed, simulate);
      print(outcome, simulate, report);
      return finish(report, outcome.passed());
    }
    ArrayNode blocks = report.putArray("blocks");
    boolean passed = true;
    int mismatches = 0;
    for (Block b : List.of(Block.BITMAP_PE, Block.LUT_LIF, Block.PE_ARRAY)) {
      VerilogExport export = exportOf(b);
      VerilogExport.Outcome outcome =
          export.writeTo(out.resolve(export.module()), vectors, seed, simulate);
      print(outcome, simulate, blocks.addObject());
      passed &= outcome.passed();
      mismatches += outcome.mismatches();
    }
    report.put("out", StagedOutput.shown(out).toString());
    report.put("vectors", vectors);
    report.put("simulated", simulate);
    if (simulate) {
      report.put("mismatches", mismatches);
      report.put("bit_exact", mismatches == 0);
    }
    return finish(report, passed);
  }

  private int finish(ObjectNode report, boolean passed) {
    if (json) {
      JsonReport.printLine(report, System.out);
    }
    return passed ? 0 : 1;
  }

  /** The export the options describe for one block. */
  private VerilogExport exportOf(Block b) {
    return switch (b) {
      case LUT_LIF -> VerilogExport.lutLif(LutLsmConfig.DEFAULT);
      case PE_ARRAY ->
          VerilogExport.peArray(
              new PeArrayConfig(rows, cols, width, lanes, weightBits, accBits, threshold));
      default -> VerilogExport.bitmapPe(width, weightBits, accBits);
    };
  }

  /**
   * One block's files, cycle check and simulation, into {@code report} and (without --json) on
   * standard output.
   */
  private void print(VerilogExport.Outcome outcome, boolean simulate, ObjectNode report) {
    outcome
        .config()
        .ifPresent(
            config -> {
              ObjectNode node = report.putObject("config");
              config.toMap().forEach(node::put);
            });
    report.put("module", outcome.module());
    report.put("out", StagedOutput.shown(outcome.dir()).toString());
    ArrayNode written = report.putArray("files");
    outcome.files().forEach(f -> written.add(StagedOutput.shown(f).toString()));
    report.put("vectors", vectors);
    report.put("simulated", simulate);
    if (!json) {
      System.out.println("wrote " + outcome.files().stream().map(StagedOutput::shown).toList());
    }
    outcome
        .cycleCheck()
        .ifPresent(
            check -> {
              ObjectNode node = report.putObject("cycle_check");
              node.put("tiles", check.tiles());
              node.put("synaptic_ops", check.matches());
              node.put("firefly_compute_cycles", check.fireFlyCycles());
              node.put("model_cycles", check.modelCycles());
              if (simulate) {
                node.put("rtl_cycles", check.rtlCycles());
                node.put("rtl_tiles", check.rtlTiles());
                node.put("mismatches", check.mismatches());
              }
              node.put("cycles_agree", check.cyclesAgree());
              if (!json) {
                System.out.println(
                    "pe-array layer check: "
                        + check.tiles()
                        + " tiles, firefly-s "
                        + check.fireFlyCycles()
                        + " cycles, Java model "
                        + check.modelCycles()
                        + (simulate ? ", RTL " + check.rtlCycles() : ""));
              }
            });
    outcome
        .simulation()
        .ifPresent(
            result -> {
              report.put("mismatches", result.errors());
              report.put("bit_exact", result.bitExact());
              if (!json) {
                System.out.println(
                    "Icarus Verilog ("
                        + outcome.module()
                        + "): "
                        + vectors
                        + " vectors, "
                        + result.errors()
                        + " mismatches");
              }
            });
  }
}
