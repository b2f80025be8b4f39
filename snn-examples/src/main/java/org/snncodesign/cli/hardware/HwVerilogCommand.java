package org.snncodesign.cli.hardware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.cli.JsonReport;
import org.snncodesign.api.Choices;
import org.snncodesign.flow.report.StagedOutput;
import org.snncodesign.fpga.lsm.LutLsmConfig;
import org.snncodesign.fpga.verilog.BitmapPeVerilog;
import org.snncodesign.fpga.verilog.IcarusSimulator;
import org.snncodesign.fpga.verilog.LifStimulus;
import org.snncodesign.fpga.verilog.LutLifVerilog;
import org.snncodesign.fpga.verilog.PeArrayConfig;
import org.snncodesign.fpga.verilog.PeArrayCycleCheck;
import org.snncodesign.fpga.verilog.PeArrayVerilog;
import org.snncodesign.fpga.verilog.PeStimulus;
import org.snncodesign.fpga.verilog.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code snn hw verilog}: writes an exported block (the bitmap dual-sparsity PE, the {@code lut-lsm} LIF core
 * with LUT leak, or the FireFly-S-style array of bitmap PEs), its testbench and Java-generated stimulus/expected
 * files, and (when Icarus Verilog is installed) simulates them and reports the mismatches. For the PE array it
 * also runs one random layer without stalls and sets the array's cycles against the {@code firefly-s} model's
 * ({@code cycle_check}, files in {@code layer-check/}). {@code --block all} writes each block into its own
 * sub-folder.
 */
@Command(name = "verilog", mixinStandardHelpOptions = true,
    description = "Export the bitmap PE, the LUT-leak LIF core and/or the bitmap PE array as Verilog with a "
        + "self-checking testbench; simulate it with Icarus Verilog.")
public final class HwVerilogCommand implements Callable<Integer> {
  /** The exportable blocks. */
  enum Block {
    BITMAP_PE, LUT_LIF, PE_ARRAY, ALL
  }

  @Option(names = "--out", defaultValue = "snn-out/verilog", description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--block", defaultValue = "bitmap-pe",
      description = "bitmap-pe, lut-lif (the lut-lsm neuron core, default LutLsmConfig), pe-array (R x C bitmap "
          + "PEs with integrate-and-fire) or all (default ${DEFAULT-VALUE}).", converter = BlockConverter.class)
  Block block;

  @Option(names = "--width", defaultValue = "16", description = "Bitmap segment width W.")
  int width;

  @Option(names = "--weight-bits", defaultValue = "4", description = "Weight bits WB.")
  int weightBits;

  @Option(names = "--acc-bits", defaultValue = "16", description = "Accumulator bits AB.")
  int accBits;

  @Option(names = "--rows", defaultValue = "2", description = "pe-array: PE rows R (time steps in parallel).")
  int rows;

  @Option(names = "--cols", defaultValue = "4", description = "pe-array: PE columns C (output neurons in parallel).")
  int cols;

  @Option(names = "--lanes", defaultValue = "2", description = "pe-array: matched pairs per PE per cycle L.")
  int lanes;

  @Option(names = "--threshold", defaultValue = "24", description = "pe-array: firing threshold THETA.")
  int threshold;

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
    int exit;
    if (block == Block.ALL) {
      ArrayNode blocks = report.putArray("blocks");
      int mismatches = 0;
      int failed = 0;
      for (Block b : List.of(Block.BITMAP_PE, Block.LUT_LIF, Block.PE_ARRAY)) {
        ObjectNode node = blocks.addObject();
        failed |= export(b, out.resolve(moduleOf(b)), simulate, node);
        mismatches += node.path("mismatches").asInt(0);
      }
      report.put("out", StagedOutput.shown(out).toString());
      report.put("vectors", vectors);
      report.put("simulated", simulate);
      if (simulate) {
        report.put("mismatches", mismatches);
        report.put("bit_exact", mismatches == 0);
      }
      exit = mismatches == 0 && failed == 0 ? 0 : 1;
    } else {
      exit = export(block, out, simulate, report);
    }
    if (json) {
      JsonReport.printLine(report, System.out);
    }
    return exit;
  }

  private static String moduleOf(Block b) {
    return switch (b) {
      case LUT_LIF -> LutLifVerilog.MODULE;
      case PE_ARRAY -> PeArrayVerilog.MODULE;
      default -> BitmapPeVerilog.MODULE;
    };
  }

  /** Writes (and simulates) one block into {@code dir}, filling {@code report}; returns the exit status. */
  private int export(Block b, Path dir, boolean simulate, ObjectNode report) throws IOException {
    List<Path> files;
    PeArrayVerilog array = null;
    if (b == Block.LUT_LIF) {
      LutLifVerilog rtl = LutLifVerilog.of(LutLsmConfig.DEFAULT);
      List<LifStimulus> stimuli = rtl.randomStimuli(vectors, seed);
      files = rtl.writeTo(dir, stimuli);
    } else if (b == Block.PE_ARRAY) {
      array = new PeArrayVerilog(new PeArrayConfig(rows, cols, width, lanes, weightBits, accBits, threshold));
      files = array.writeTo(dir, array.randomStimuli(vectors, seed));
      ObjectNode config = report.putObject("config");
      array.config().toMap().forEach(config::put);
    } else {
      BitmapPeVerilog rtl = new BitmapPeVerilog(width, weightBits, accBits);
      List<PeStimulus> stimuli = rtl.randomStimuli(vectors, seed);
      files = rtl.writeTo(dir, stimuli);
    }
    String module = moduleOf(b);
    report.put("module", module);
    report.put("out", StagedOutput.shown(dir).toString());
    ArrayNode written = report.putArray("files");
    files.forEach(f -> written.add(StagedOutput.shown(f).toString()));
    report.put("vectors", vectors);
    report.put("simulated", simulate);
    if (!json) {
      System.out.println("wrote " + files.stream().map(StagedOutput::shown).toList());
    }
    boolean cyclesAgree = array == null || cycleCheck(array, dir.resolve("layer-check"), simulate, report);
    if (!simulate) {
      return cyclesAgree ? 0 : 1;
    }
    SimulationResult result = SimulationResult.parse(
        new IcarusSimulator(dir).run(module + "_tb", List.of(module + ".v", module + "_tb.v")));
    report.put("mismatches", result.errors());
    report.put("bit_exact", result.bitExact());
    if (!json) {
      System.out.println("Icarus Verilog (" + module + "): " + vectors + " vectors, " + result.errors()
          + " mismatches");
    }
    return result.bitExact() && cyclesAgree ? 0 : 1;
  }

  /**
   * One seeded random layer ({@link PeArrayVerilog#checkLayer}) through the array without stalls: its cycles in the
   * Java model (and in Icarus when simulating) against the {@code firefly-s} model's compute cycles, as
   * {@code cycle_check} in the report.
   */
  private boolean cycleCheck(PeArrayVerilog array, Path dir, boolean simulate, ObjectNode report)
      throws IOException {
    PeArrayCycleCheck.Outcome outcome = PeArrayCycleCheck.run(array, array.checkLayer(seed), seed, dir, simulate);
    ObjectNode node = report.putObject("cycle_check");
    node.put("tiles", outcome.tiles());
    node.put("synaptic_ops", outcome.matches());
    node.put("firefly_compute_cycles", outcome.fireFlyCycles());
    node.put("model_cycles", outcome.modelCycles());
    if (simulate) {
      node.put("rtl_cycles", outcome.rtlCycles());
      node.put("rtl_tiles", outcome.rtlTiles());
      node.put("mismatches", outcome.mismatches());
    }
    node.put("cycles_agree", outcome.cyclesAgree());
    if (!json) {
      System.out.println("pe-array layer check: " + outcome.tiles() + " tiles, firefly-s " + outcome.fireFlyCycles()
          + " cycles, Java model " + outcome.modelCycles() + (simulate ? ", RTL " + outcome.rtlCycles() : ""));
    }
    return outcome.cyclesAgree() && outcome.mismatches() <= 0;
  }
}
