package org.snncodesign.fpga.firefly;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;

/**
 * FPS/W of the {@code firefly-s} model under one assumption changed at a time, next to the 10,047
 * FPS/W that FireFly-S (T. Li et al., arXiv 2408.15578, 2024) reports on MNIST, so that a reader
 * sees which assumption explains how much of the gap. The steps are cumulative:
 *
 * <ol>
 *   <li>{@code spike_layers_asic}: only the spike-driven layers, the given (ASIC) energies, the
 *       configured static power and clock (the model's defaults: 0.5 W, 200 MHz);
 *   <li>{@code full_network_asic}: the whole workload (with the analog-input first layer when the
 *       caller priced it);
 *   <li>{@code dynamic_only_asic}: static power 0 (FPS/W then no longer depends on the clock: FPS
 *       and dynamic power both scale with it);
 *   <li>{@code dynamic_only_fpga}: every dynamic energy times {@code fpgaFactor} (default {@link
 *       ScaledEnergyModel#FPGA_OVER_ASIC_DYNAMIC});
 *   <li>{@code fpga_with_static}: plus the FPGA static power {@code staticWatts};
 *   <li>{@code fpga_with_static_at_clock}: the same at clock {@code clockHz} (only if it differs
 *       from the configured one).
 * </ol>
 *
 * Also reported: the static power at which step 4 would fall to the published figure ({@code FPS /
 * 10,047 - dynamic power}); negative when dynamic power alone already exceeds it; and the frame
 * rate at which a given static power would do so ({@code P_static / (1 / 10,047 - E_dynamic)},
 * since static energy per inference is {@code P_static / FPS}): throughput, i.e. clock and cycles
 * per inference, matters as soon as static power does.
 */
public final class FireFlyEfficiency {
  /** FireFly-S's published MNIST figure (arXiv 2408.15578, abstract). */
  public static final double PUBLISHED_FPS_PER_WATT = 10_047;

  private FireFlyEfficiency() {}

  /**
   * One assumption set and what the model gives under it.
   *
   * @param key short identifier (JSON)
   * @param assumption what changed, in words
   * @param fps inferences per second (pipelined initiation interval)
   * @param dynamicWatts dynamic power at that rate
   * @param staticWatts static power
   */
  public record Step(
      String key, String assumption, double fps, double dynamicWatts, double staticWatts) {
    public double watts() {
      return dynamicWatts + staticWatts;
    }

    public double fpsPerWatt() {
      return fps / watts();
    }

    /** This step's FPS/W over the published 10,047. */
    public double overPublished() {
      return fpsPerWatt() / PUBLISHED_FPS_PER_WATT;
    }
  }

  /**
   * The cumulative steps described in the class comment.
   *
   * @param spikeLayersOnly the workload without the first layer, or null to skip step 1
   * @param full the workload with every layer
   * @param config the design (its static power and clock are those of steps 1 and 2)
   * @param energy the ASIC energy model of steps 1 to 3
   * @param fpgaFactor dynamic energy multiplier of steps 4 to 6
   * @param staticWatts FPGA static power of steps 5 and 6
   * @param clockHz clock of step 6
   */
  public static List<Step> steps(
      Workload spikeLayersOnly,
      Workload full,
      FireFlyConfig config,
      EnergyModel energy,
      double fpgaFactor,
      double staticWatts,
      double clockHz) {
    Checks.checkArgument(
        full != null && config != null && energy != null,
        "workload, design and energy must be given");
    Checks.checkArgument(
        staticWatts >= 0 && Double.isFinite(staticWatts),
        "static power must be >= 0 W, got %s",
        staticWatts);
    Checks.positive(clockHz, "clockHz");
    EnergyModel fpga = new ScaledEnergyModel(energy, fpgaFactor);
    String clock = String.format("%.0f MHz", config.clockHz() / 1e6);
    List<Step> steps = new ArrayList<>();
    if (spikeLayersOnly != null) {
      steps.add(
          step(
              "spike_layers_asic",
              "spike-driven layers only, "
                  + energy.name()
                  + " energies, "
                  + config.staticPowerWatts()
                  + " W static, "
                  + clock,
              spikeLayersOnly,
              config,
              energy));
    }
    steps.add(
        step(
            "full_network_asic",
            "the whole workload ("
                + full.layers().size()
                + " layers), "
                + energy.name()
                + ", "
                + config.staticPowerWatts()
                + " W static, "
                + clock,
            full,
            config,
            energy));
    FireFlyConfig noStatic = config.withStaticPower(0);
    steps.add(step("dynamic_only_asic", "as above, static power 0 W", full, noStatic, energy));
    steps.add(
        step(
            "dynamic_only_fpga",
            "dynamic energies x "
                + fpgaFactor
                + " (FPGA over ASIC, Kuon & Rose 2007), "
                + "static 0 W",
            full,
            noStatic,
            fpga));
    FireFlyConfig withStatic = config.withStaticPower(staticWatts);
    steps.add(
        step(
            "fpga_with_static",
            "FPGA dynamic energies, " + staticWatts + " W static, " + clock,
            full,
            withStatic,
            fpga));
    if (clockHz != config.clockHz()) {
      steps.add(
          step(
              "fpga_with_static_at_clock",
              "FPGA dynamic energies, "
                  + staticWatts
                  + " W static, "
                  + String.format("%.0f MHz", clockHz / 1e6),
              full,
              withStatic.withClock(clockHz),
              fpga));
    }
    return steps;
  }

  /**
   * The steps and where the published figure is reached from step 4 ({@code dynamic_only_fpga}):
   * the static power that would bring it down to 10,047 FPS/W, and the frame rate at which the FPGA
   * static power of step 5 would.
   *
   * @param steps the cumulative steps of {@link #steps}
   * @param dynamicFpga step 4, FPGA dynamic energies without static power
   * @param breakEvenStaticWatts {@link #breakEvenStaticWatts} of step 4
   * @param breakEvenFps {@link #breakEvenFps} of step 4 at step 5's static power; infinite when
   *     never reached
   */
  public record Comparison(
      List<Step> steps, Step dynamicFpga, double breakEvenStaticWatts, double breakEvenFps) {
    /** Copies the steps. */
    public Comparison {
      steps = List.copyOf(steps);
    }
  }

  /**
   * The {@link #steps} (same parameters) with the break-even figures of step 4; see {@link
   * Comparison}.
   */
  public static Comparison compare(
      Workload spikeLayersOnly,
      Workload full,
      FireFlyConfig config,
      EnergyModel energy,
      double fpgaFactor,
      double staticWatts,
      double clockHz) {
    List<Step> steps =
        steps(spikeLayersOnly, full, config, energy, fpgaFactor, staticWatts, clockHz);
    Step dynamicFpga =
        steps.stream().filter(s -> s.key().equals("dynamic_only_fpga")).findFirst().orElseThrow();
    return new Comparison(
        steps,
        dynamicFpga,
        breakEvenStaticWatts(dynamicFpga),
        breakEvenFps(dynamicFpga, staticWatts));
  }

  /**
   * Static power that would bring {@code step} down to the published FPS/W: {@code FPS / 10,047 -
   * dynamic}.
   */
  public static double breakEvenStaticWatts(Step step) {
    return step.fps() / PUBLISHED_FPS_PER_WATT - step.dynamicWatts();
  }

  /**
   * Frame rate at which {@code staticWatts} on top of {@code step}'s dynamic energy per inference
   * gives the published FPS/W; infinite when the dynamic energy alone already reaches or exceeds
   * the published budget.
   */
  public static double breakEvenFps(Step step, double staticWatts) {
    double budget = 1 / PUBLISHED_FPS_PER_WATT - step.dynamicWatts() / step.fps();
    return budget <= 0 ? Double.POSITIVE_INFINITY : staticWatts / budget;
  }

  private static Step step(
      String key, String assumption, Workload workload, FireFlyConfig config, EnergyModel energy) {
    HardwareReport report = new FireFlySArray(config).evaluate(workload, energy);
    double fps = report.counters().get("fps");
    double watts = report.counters().get("power_w");
    return new Step(
        key, assumption, fps, watts - config.staticPowerWatts(), config.staticPowerWatts());
  }
}
