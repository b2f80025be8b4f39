package org.snncodesign.cli.hardware;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.api.Choices;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.flow.report.VerilogReport;
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
    boolean simulate = !noSimulate && IcarusSimulator.available();
    String skipped = null;
    if (!noSimulate && !simulate) {
      skipped = "iverilog/vvp not found; install with apt-get install -y iverilog";
      System.err.println("hw verilog: iverilog not found, files written but not simulated");
    }
    VerilogReport report;
    boolean passed;
    if (block == Block.ALL) {
      VerilogExport.Summary summary =
          VerilogExport.writeAll(
              List.of(exportOf(Block.BITMAP_PE), exportOf(Block.LUT_LIF), exportOf(Block.PE_ARRAY)),
              out,
              vectors,
              seed,
              simulate);
      report = VerilogReport.of(summary, out, vectors, simulate, skipped);
      passed = summary.passed();
    } else {
      VerilogExport.Outcome outcome = exportOf(block).writeTo(out, vectors, seed, simulate);
      report = VerilogReport.of(outcome, vectors, simulate, skipped);
      passed = outcome.passed();
    }
    if (json) {
      JsonReport.printLine(JsonReport.of("hw verilog", report), System.out);
    } else {
      report.allBlocks().forEach(this::print);
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

  /** One block's files, cycle check and simulation on standard output. */
  private void print(VerilogReport.Block written) {
    System.out.println("wrote " + written.files());
    VerilogReport.CycleCheck check = written.cycleCheck();
    if (check != null) {
      System.out.println(
          "pe-array layer check: "
              + check.tiles()
              + " tiles, firefly-s "
              + check.fireflyComputeCycles()
              + " cycles, Java model "
              + check.modelCycles()
              + (written.simulated() ? ", RTL " + check.rtlCycles() : ""));
    }
    if (written.mismatches() != null) {
      System.out.println(
          "Icarus Verilog ("
              + written.module()
              + "): "
              + vectors
              + " vectors, "
              + written.mismatches()
              + " mismatches");
    }
  }
}
