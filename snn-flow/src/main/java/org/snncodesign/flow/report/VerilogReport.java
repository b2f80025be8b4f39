package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.snncodesign.fpga.verilog.PeArrayConfig;
import org.snncodesign.fpga.verilog.PeArrayCycleCheck;
import org.snncodesign.fpga.verilog.SimulationResult;
import org.snncodesign.fpga.verilog.VerilogExport;

/**
 * What a Verilog export wrote and how its simulation went, as {@code snn hw verilog} reports it:
 * one block's fields in line ({@link #of(VerilogExport.Outcome, int, boolean, String)}), or every
 * block under {@code blocks} with the mismatches in total ({@link #of(VerilogExport.Summary, Path,
 * int, boolean, String)}). Jackson writes it with snake-case keys in this order; paths are where
 * the files end up ({@link StagedOutput#shown}).
 *
 * @param skipped why nothing was simulated although simulation was asked for; else null
 * @param block one block's fields, written in line; null for several blocks
 * @param blocks several blocks; null for one
 * @param out several blocks: the folder holding them
 * @param vectors several blocks: random stimulus cycles per block
 * @param simulated several blocks: whether they were simulated
 * @param mismatches several blocks, simulated: the testbenches' mismatches in total
 * @param bitExact several blocks, simulated: whether every testbench matched
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerilogReport(
    String skipped,
    @JsonUnwrapped Block block,
    List<Block> blocks,
    String out,
    Integer vectors,
    Boolean simulated,
    Long mismatches,
    Boolean bitExact) {

  /**
   * One exported block.
   *
   * @param config the PE array's configuration; null for the other blocks
   * @param module the Verilog module
   * @param out the folder written
   * @param files the files written, RTL first
   * @param vectors random stimulus cycles
   * @param simulated whether the testbench was run
   * @param cycleCheck the PE array's cycle check; null for the other blocks
   * @param mismatches the testbench's mismatches; null when not simulated
   * @param bitExact whether the testbench matched; null when not simulated
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Block(
      Map<String, Integer> config,
      String module,
      String out,
      List<String> files,
      int vectors,
      boolean simulated,
      CycleCheck cycleCheck,
      Integer mismatches,
      Boolean bitExact) {

    static Block of(VerilogExport.Outcome outcome, int vectors, boolean simulated) {
      return new Block(
          outcome.config().map(PeArrayConfig::toMap).orElse(null),
          outcome.module(),
          StagedOutput.shown(outcome.dir()).toString(),
          outcome.files().stream().map(f -> StagedOutput.shown(f).toString()).toList(),
          vectors,
          simulated,
          outcome.cycleCheck().map(c -> CycleCheck.of(c, simulated)).orElse(null),
          outcome.simulation().map(SimulationResult::errors).orElse(null),
          outcome.simulation().map(SimulationResult::bitExact).orElse(null));
    }
  }

  /**
   * The PE array's cycles on one layer next to the {@code firefly-s} model's ({@link
   * PeArrayCycleCheck.Outcome}).
   *
   * @param tiles tiles of the layer
   * @param synapticOps (spike, non-zero weight) pairs accumulated
   * @param fireflyComputeCycles {@code compute_cycles} of the {@code firefly-s} model
   * @param modelCycles cycles of the Java model of the array
   * @param rtlCycles cycles in Icarus Verilog; null when not simulated
   * @param rtlTiles tiles done in Icarus Verilog; null when not simulated
   * @param mismatches output mismatches in Icarus Verilog; null when not simulated
   * @param cyclesAgree whether the model (and the RTL) take exactly the {@code firefly-s} cycles
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonPropertyOrder(alphabetic = false)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record CycleCheck(
      int tiles,
      long synapticOps,
      double fireflyComputeCycles,
      int modelCycles,
      Integer rtlCycles,
      Integer rtlTiles,
      Integer mismatches,
      boolean cyclesAgree) {

    static CycleCheck of(PeArrayCycleCheck.Outcome check, boolean simulated) {
      return new CycleCheck(
          check.tiles(),
          check.matches(),
          check.fireFlyCycles(),
          check.modelCycles(),
          simulated ? check.rtlCycles() : null,
          simulated ? check.rtlTiles() : null,
          simulated ? check.mismatches() : null,
          check.cyclesAgree());
    }
  }

  /** The report of one block's export; {@code skipped} says why it was not simulated, or null. */
  public static VerilogReport of(
      VerilogExport.Outcome outcome, int vectors, boolean simulated, String skipped) {
    return new VerilogReport(
        skipped, Block.of(outcome, vectors, simulated), null, null, null, null, null, null);
  }

  /**
   * The report of several blocks exported into sub-folders of {@code out}; {@code skipped} says why
   * they were not simulated, or null.
   */
  public static VerilogReport of(
      VerilogExport.Summary summary, Path out, int vectors, boolean simulated, String skipped) {
    return new VerilogReport(
        skipped,
        null,
        summary.outcomes().stream().map(o -> Block.of(o, vectors, simulated)).toList(),
        StagedOutput.shown(out).toString(),
        vectors,
        simulated,
        simulated ? summary.mismatches() : null,
        simulated ? summary.mismatches() == 0 : null);
  }

  /** The blocks reported: the one, or every one. */
  public List<Block> allBlocks() {
    return block != null ? List.of(block) : blocks;
  }
}
