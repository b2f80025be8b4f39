package org.snncodesign.fpga.verilog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.fpga.firefly.FireFlySArray;

/**
 * Runs one layer through the PE array without stalls and sets its cycle count against the {@code
 * firefly-s} model's: the {@code compute_cycles} {@link FireFlySArray} reports for the same spikes,
 * weights and array, the cycles of {@link PeArrayModel} from the first segment to the last {@code
 * done}, and (when simulated) the vector index of the last {@code done} in Icarus Verilog, which
 * counts the same cycles because vector 0 is the reset.
 */
public final class PeArrayCycleCheck {
  private static final Pattern CYCLES = Pattern.compile("CYCLES dones=(\\d+) last_done=(-?\\d+)");

  private PeArrayCycleCheck() {}

  /**
   * What one layer cost.
   *
   * @param tiles tiles of the layer (output blocks x step tiles)
   * @param matches (spike, non-zero weight) pairs accumulated
   * @param fireFlyCycles {@code compute_cycles} of the {@code firefly-s} model
   * @param modelCycles cycles of {@link PeArrayModel}
   * @param rtlCycles cycles in Icarus Verilog, or -1 when not simulated
   * @param rtlTiles {@code done} pulses in Icarus Verilog, or -1 when not simulated
   * @param mismatches per-cycle output mismatches in Icarus Verilog, or -1 when not simulated
   */
  public record Outcome(
      int tiles,
      long matches,
      double fireFlyCycles,
      int modelCycles,
      int rtlCycles,
      int rtlTiles,
      int mismatches) {
    /**
     * True when the model (and, if simulated, the RTL) take exactly the {@code firefly-s} cycles.
     */
    public boolean cyclesAgree() {
      return modelCycles == fireFlyCycles
          && (rtlCycles < 0 || rtlCycles == modelCycles && rtlTiles == tiles);
    }
  }

  /**
   * Tiles {@code layer}, drives it without stalls (don't-care data seeded by {@code seed}),
   * evaluates the {@code firefly-s} model on it and, with {@code simulate}, writes the RTL,
   * testbench and hex files into {@code dir} and runs them in Icarus Verilog.
   */
  public static Outcome run(
      PeArrayVerilog rtl, PeArrayVerilog.LayerStimulus layer, long seed, Path dir, boolean simulate)
      throws IOException {
    PeArrayConfig config = rtl.config();
    PeArrayTiling tiling = new PeArrayTiling(config, layer.spikes(), layer.weights());
    List<PeArrayCycle> cycles = rtl.drive(tiling.segments(), new Random(seed), 0, 0);
    PeArrayModel model = new PeArrayModel(config);
    int lastDone = -1;
    for (int i = 0; i < cycles.size(); i++) {
      model.step(cycles.get(i));
      if (model.done()) {
        lastDone = i;
      }
    }
    Workload workload =
        new Workload(
            "pe-array-check",
            List.of(
                LayerWorkload.measured(
                    "layer", layer.spikes(), layer.weights(), config.valueBits())));
    double fireFly =
        new FireFlySArray(config.fireFly())
            .evaluate(workload, EnergyTable.HOROWITZ_45NM)
            .counters()
            .get("compute_cycles");
    int rtlCycles = -1;
    int rtlTiles = -1;
    int mismatches = -1;
    if (simulate) {
      rtl.writeTo(dir, cycles);
      String output =
          new IcarusSimulator(dir)
              .run(
                  PeArrayVerilog.MODULE + "_tb",
                  List.of(PeArrayVerilog.MODULE + ".v", PeArrayVerilog.MODULE + "_tb.v"));
      mismatches = SimulationResult.parse(output).errors();
      Matcher m = CYCLES.matcher(output);
      if (!m.find()) {
        throw new IOException("simulation printed no CYCLES line:\n" + output);
      }
      rtlTiles = Integer.parseInt(m.group(1));
      rtlCycles = Integer.parseInt(m.group(2));
    }
    // Vector 0 is the reset, so the index of the last done is the cycles from the first segment to
    // it.
    return new Outcome(
        tiling.tiles(), tiling.matches(), fireFly, lastDone, rtlCycles, rtlTiles, mismatches);
  }
}
