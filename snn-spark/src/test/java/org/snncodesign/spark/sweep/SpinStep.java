package org.snncodesign.spark.sweep;

import java.util.List;
import org.snncodesign.flow.sweep.SweepParameter;
import org.snncodesign.flow.sweep.SweepParameters;
import org.snncodesign.flow.sweep.SweepRecord;
import org.snncodesign.flow.sweep.SweepStep;

/**
 * {@code test-spin}: a CPU-bound step whose record depends only on its parameters and seed, and
 * which fails on request, for testing and timing the sweep machinery without the cost of a real
 * study.
 */
public final class SpinStep implements SweepStep {
  public SpinStep() {}

  @Override
  public String name() {
    return "test-spin";
  }

  @Override
  public String description() {
    return "spins a linear congruential generator for `iterations` steps";
  }

  @Override
  public List<SweepParameter> parameters() {
    return List.of(
        SweepParameter.integer("iterations", 1000, "generator steps"),
        SweepParameter.real("scale", 1, "factor on the result"),
        SweepParameter.integer("fail_seed", -1, "the seed whose run throws; -1: none"));
  }

  @Override
  public SweepRecord run(SweepParameters p, long seed) {
    if (seed == p.integer("fail_seed")) {
      throw new IllegalStateException("asked to fail on seed " + seed);
    }
    long x = seed;
    long iterations = p.integer("iterations");
    for (long i = 0; i < iterations; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    double value = p.real("scale") * (x >>> 11) * 0x1.0p-53;
    return SweepRecord.builder()
        .put("value", value)
        .put("low_bits", x & 0xff)
        .put("parity", (x & 1) == 0 ? "even" : "odd")
        .build();
  }
}
