package org.snncodesign.fpga.verilog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.fpga.lsm.LutLsmConfig;

/**
 * One exportable block, end to end: its RTL, self-checking testbench and Java-generated stimulus
 * and expected files written into a folder, simulated in Icarus Verilog when asked, and for the PE
 * array the cycle check of one seeded layer against the {@code firefly-s} model ({@link
 * PeArrayCycleCheck} on {@link PeArrayVerilog#checkLayer}, files in {@code layer-check/}).
 *
 * <pre>{@code
 * VerilogExport.Outcome outcome = VerilogExport.peArray(PeArrayConfig.DEFAULT)
 *     .writeTo(Path.of("out"), 10_000, 1, IcarusSimulator.available());
 * boolean ok = outcome.passed();
 * }</pre>
 */
public final class VerilogExport {
  /**
   * Writes {@code vectors} seeded stimuli and the block's files into a folder, returning the files.
   */
  private interface Writer {
    List<Path> write(Path dir, int vectors, long seed) throws IOException;
  }

  private final String module;
  private final Writer writer;
  private final Optional<PeArrayVerilog> array;

  private VerilogExport(String module, Writer writer, Optional<PeArrayVerilog> array) {
    this.module = module;
    this.writer = writer;
    this.array = array;
  }

  /**
   * The bitmap dual-sparsity PE of segment width {@code width}, {@code weightBits} weights, {@code
   * accBits} sums.
   */
  public static VerilogExport bitmapPe(int width, int weightBits, int accBits) {
    BitmapPeVerilog rtl = new BitmapPeVerilog(width, weightBits, accBits);
    return new VerilogExport(
        BitmapPeVerilog.MODULE,
        (dir, vectors, seed) -> rtl.writeTo(dir, rtl.randomStimuli(vectors, seed)),
        Optional.empty());
  }

  /** The {@code lut-lsm} LIF core with LUT leak of {@code config}. */
  public static VerilogExport lutLif(LutLsmConfig config) {
    LutLifVerilog rtl = LutLifVerilog.of(config);
    return new VerilogExport(
        LutLifVerilog.MODULE,
        (dir, vectors, seed) -> rtl.writeTo(dir, rtl.randomStimuli(vectors, seed)),
        Optional.empty());
  }

  /**
   * The FireFly-S-style array of bitmap PEs with integrate-and-fire, checked against {@code
   * firefly-s}'s cycles.
   */
  public static VerilogExport peArray(PeArrayConfig config) {
    PeArrayVerilog rtl = new PeArrayVerilog(config);
    return new VerilogExport(
        PeArrayVerilog.MODULE,
        (dir, vectors, seed) -> rtl.writeTo(dir, rtl.randomStimuli(vectors, seed)),
        Optional.of(rtl));
  }

  /** The Verilog module's name, e.g. {@code bitmap_pe}. */
  public String module() {
    return module;
  }

  /**
   * What one export gave.
   *
   * @param module the Verilog module
   * @param dir the folder written
   * @param files the files written, RTL first
   * @param config the PE array's configuration; empty for the other blocks
   * @param cycleCheck the PE array's cycle check; empty for the other blocks
   * @param simulation the testbench's result in Icarus Verilog; empty when not simulated
   */
  public record Outcome(
      String module,
      Path dir,
      List<Path> files,
      Optional<PeArrayConfig> config,
      Optional<PeArrayCycleCheck.Outcome> cycleCheck,
      Optional<SimulationResult> simulation) {
    /** Copies the files. */
    public Outcome {
      files = List.copyOf(files);
    }

    /**
     * Whether the simulation (if run) was bit-exact and the cycle check (if any) agreed without
     * mismatches.
     */
    public boolean passed() {
      return simulation.map(SimulationResult::bitExact).orElse(true)
          && cycleCheck.map(c -> c.cyclesAgree() && c.mismatches() <= 0).orElse(true);
    }

    /** The testbench's mismatches, 0 when not simulated. */
    public int mismatches() {
      return simulation.map(SimulationResult::errors).orElse(0);
    }
  }

  /**
   * What several exports gave, in order: each block's outcome, whether all passed and their
   * testbench mismatches in total.
   *
   * @param outcomes one outcome per block
   */
  public record Summary(List<Outcome> outcomes) {
    /** Copies the outcomes. */
    public Summary {
      outcomes = List.copyOf(outcomes);
    }

    /** Whether every block passed ({@link Outcome#passed()}). */
    public boolean passed() {
      return outcomes.stream().allMatch(Outcome::passed);
    }

    /** The testbenches' mismatches summed over the blocks, 0 when not simulated. */
    public long mismatches() {
      return outcomes.stream().mapToLong(Outcome::mismatches).sum();
    }
  }

  /**
   * Writes every export of {@code exports} into its own sub-folder of {@code dir}, named after its
   * module, as {@link #writeTo} does.
   *
   * @throws IOException when a file cannot be written or the simulator fails to run
   */
  public static Summary writeAll(
      List<VerilogExport> exports, Path dir, int vectors, long seed, boolean simulate)
      throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (VerilogExport export : exports) {
      outcomes.add(export.writeTo(dir.resolve(export.module()), vectors, seed, simulate));
    }
    return new Summary(outcomes);
  }

  /**
   * Writes the block with {@code vectors} random stimulus cycles drawn from {@code seed} into
   * {@code dir}, runs the PE array's cycle check, and with {@code simulate} runs the testbench in
   * Icarus Verilog.
   *
   * @throws IOException when a file cannot be written or the simulator fails to run
   */
  public Outcome writeTo(Path dir, int vectors, long seed, boolean simulate) throws IOException {
    Checks.positive(vectors, "vectors");
    List<Path> files = writer.write(dir, vectors, seed);
    Optional<PeArrayCycleCheck.Outcome> cycleCheck = Optional.empty();
    if (array.isPresent()) {
      PeArrayVerilog rtl = array.get();
      cycleCheck =
          Optional.of(
              PeArrayCycleCheck.run(
                  rtl, rtl.checkLayer(seed), seed, dir.resolve("layer-check"), simulate));
    }
    Optional<SimulationResult> simulation = Optional.empty();
    if (simulate) {
      simulation =
          Optional.of(
              SimulationResult.parse(
                  new IcarusSimulator(dir)
                      .run(module + "_tb", List.of(module + ".v", module + "_tb.v"))));
    }
    return new Outcome(
        module, dir, files, array.map(PeArrayVerilog::config), cycleCheck, simulation);
  }
}
