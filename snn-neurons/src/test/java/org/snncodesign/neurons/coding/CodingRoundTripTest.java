package org.snncodesign.neurons.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.api.coding.SpikeDecoder;
import org.snncodesign.api.coding.SpikeEncoder;
import org.snncodesign.api.spike.SpikeRaster;

/** Encode then decode recovers every value within the coding's stated resolution. */
class CodingRoundTripTest {
  private static final double FLOAT_SLACK = 1e-6;

  private static <C extends SpikeEncoder & SpikeDecoder> void assertRoundTrip(
      C coding, float[] values, CodingParameters parameters) {
    SpikeRaster raster = coding.encode(values, parameters);
    assertThat(raster.neurons()).isEqualTo(values.length);
    assertThat(raster.timeSteps()).isEqualTo(parameters.timeSteps());
    float[] decoded = coding.decode(raster, parameters);
    double resolution = coding.resolution(parameters);
    for (int i = 0; i < values.length; i++) {
      assertThat((double) decoded[i])
          .as("%s value %s", coding.name(), values[i])
          .isCloseTo(values[i], within(resolution + FLOAT_SLACK));
    }
  }

  @Property(tries = 300, seed = "1")
  @Label("ttfs round trip within half a step")
  void ttfs(
      @ForAll @Size(min = 1, max = 100) float[] raw,
      @ForAll @IntRange(min = 2, max = 300) int steps) {
    assertRoundTrip(new TimeToFirstSpikeCoding(), clamp(raw), CodingParameters.of(steps, 0));
  }

  @Property(tries = 300, seed = "2")
  @Label("phase round trip within 0.5 / (2^K - 1), over whole and partial periods")
  void phase(
      @ForAll @Size(min = 1, max = 100) float[] raw,
      @ForAll @IntRange(min = 1, max = 16) int phases,
      @ForAll @IntRange(min = 0, max = 40) int extraSteps) {
    CodingParameters p =
        new CodingParameters(phases + extraSteps, 0, Map.of("phases", (double) phases));
    assertRoundTrip(new PhaseCoding(), clamp(raw), p);
  }

  @Property(tries = 300, seed = "3")
  @Label("phase1 round trip within its absolute resolution, at most one spike per value")
  void singleSpikePhase(
      @ForAll @Size(min = 1, max = 100) float[] raw,
      @ForAll @DoubleRange(min = 1.05, max = 4) double base,
      @ForAll @IntRange(min = 1, max = 40) int phases) {
    CodingParameters p = new CodingParameters(phases, 0, Map.of("base", base));
    float[] values = clamp(raw);
    assertRoundTrip(new SingleSpikePhaseCoding(), values, p);
    assertThat(
            java.util.Arrays.stream(
                    new SingleSpikePhaseCoding().encode(values, p).countsPerNeuron())
                .max()
                .orElse(0))
        .isLessThanOrEqualTo(1);
  }

  @Property(tries = 300, seed = "6")
  @Label(
      "phase1 with a rounding threshold round trips within its absolute resolution, at most one spike per value")
  void singleSpikePhaseThreshold(
      @ForAll @Size(min = 1, max = 100) float[] raw,
      @ForAll @DoubleRange(min = 1.05, max = 4) double base,
      @ForAll @IntRange(min = 1, max = 40) int phases,
      @ForAll @DoubleRange(min = 0.01, max = 1) double where) {
    // rho anywhere in (1/B, 1]
    double rho = 1 / base + where * (1 - 1 / base);
    CodingParameters p = new CodingParameters(phases, 0, Map.of("base", base, "rounding", rho));
    float[] values = clamp(raw);
    assertRoundTrip(new SingleSpikePhaseCoding(), values, p);
    assertThat(
            java.util.Arrays.stream(
                    new SingleSpikePhaseCoding().encode(values, p).countsPerNeuron())
                .max()
                .orElse(0))
        .isLessThanOrEqualTo(1);
  }

  @Property(tries = 500, seed = "4")
  @Label("phase1 relative error is at most (B - 1) / (B + 1) above the smallest level")
  void singleSpikePhaseRelativeError(
      @ForAll @FloatRange(min = 0f, max = 1f) float x,
      @ForAll @DoubleRange(min = 1.05, max = 4) double base) {
    CodingParameters p = new CodingParameters(64, 0, Map.of("base", base));
    SingleSpikePhaseCoding coding = new SingleSpikePhaseCoding();
    float decoded = coding.decode(coding.encode(new float[] {x}, p), p)[0];
    if (x >= Math.pow(base, -63)) {
      assertThat((double) Math.abs(decoded - x) / x)
          .isLessThanOrEqualTo((base - 1) / (base + 1) + 1e-6);
    }
  }

  @Property(tries = 300, seed = "5")
  @Label("burst round trip within 0.5 / max_spikes")
  void burst(
      @ForAll @Size(min = 1, max = 100) float[] raw,
      @ForAll @IntRange(min = 1, max = 8) int maxSpikes,
      @ForAll @IntRange(min = 1, max = 3) int isi,
      @ForAll @IntRange(min = 1, max = 3) int periods) {
    int period = (maxSpikes - 1) * isi + 1 + 2;
    CodingParameters p =
        new CodingParameters(
            period * periods + 1,
            0,
            Map.of(
                "max_spikes", (double) maxSpikes, "isi", (double) isi, "period", (double) period));
    assertRoundTrip(new BurstCoding(), clamp(raw), p);
  }

  @Property(tries = 100, seed = "6")
  @Label("rate round trip within five standard deviations")
  void rate(
      @ForAll @Size(min = 1, max = 50) float[] raw,
      @ForAll @IntRange(min = 200, max = 2000) int steps,
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0.1, max = 1) double maxRate) {
    assertRoundTrip(
        new RateCoding(),
        clamp(raw),
        new CodingParameters(steps, seed, Map.of("max_rate", maxRate)));
  }

  // jqwik's arbitrary floats cover the whole line; fold them into [0, 1] keeping the edge cases 0
  // and 1.
  private static float[] clamp(float[] raw) {
    float[] v = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      float r = raw[i];
      v[i] =
          Float.isNaN(r)
              ? 0f
              : Math.abs(r) >= 1f ? (Math.abs(r) == 1f ? 1f : Math.abs(r) % 1f) : Math.abs(r);
    }
    return v;
  }
}
