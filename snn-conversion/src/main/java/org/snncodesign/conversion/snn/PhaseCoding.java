package org.snncodesign.conversion.snn;

import org.snncodesign.api.Checks;
import org.snncodesign.api.coding.CodingParameters;
import org.snncodesign.neurons.coding.SingleSpikePhaseCoding;

/**
 * Single-spike phase coding as a converted network runs it: the {@code phase1} coding plugin
 * ({@link SingleSpikePhaseCoding}) with its {@code rounding} option, as typed figures. A layer
 * window has {@code K} phases; a spike in phase {@code k} carries the value {@code phi_k = B^-k}
 * (times the layer's scale), so each neuron's activation is sent as one spike: the activation
 * quantised to a power of the base. A neuron with normalised potential {@code V} fires in the first
 * phase {@code k} with {@code V >= rho * B^-k} (threshold decaying by {@code 1/B} per phase), and
 * stays silent below {@code rho * B^-(K-1)}; values above 1 saturate at phase 0.
 *
 * <p>Base manipulation: with {@code B = 2} the levels are an octave apart and the quantisation
 * error (up to 41% with log-nearest rounding) costs accuracy; a base closer to 1, {@code B =
 * 2^(1/m)}, gives {@code m} levels per octave and needs {@code m} times more phases for the same
 * dynamic range. For such bases the phase weight is {@code 2^-(k div m)} (a shift) times one of
 * {@code m} pre-scaled weight copies, so every synaptic event stays a pure accumulate.
 *
 * @param base {@code B > 1}
 * @param phases {@code K}, phases per layer window
 * @param rounding {@code rho} in {@code (1/B, 1]}: 1 rounds down in the log domain, {@code B^-1/2}
 *     to nearest
 */
public record PhaseCoding(double base, int phases, double rounding) {
  public PhaseCoding {
    Checks.checkArgument(base > 1 && Double.isFinite(base), "phase base must be > 1, got %s", base);
    Checks.positive(phases, "phases");
    Checks.checkArgument(phases <= 64, "at most 64 phases per window, got %d", phases);
    Checks.checkArgument(
        rounding > 1 / base && rounding <= 1,
        "rounding must be in (1/B, 1] = (%s, 1], got %s",
        1 / base,
        rounding);
  }

  /**
   * Base {@code 2^(1/m)} with {@code m * octaves} phases and log-nearest rounding: {@code m = 1} is
   * the classic binary phase base; larger {@code m} is base manipulation. The parameters are those
   * of the {@code phase1} coding plugin ({@link SingleSpikePhaseCoding#rootOfTwo}).
   */
  public static PhaseCoding rootOfTwo(int m, int octaves) {
    return of(SingleSpikePhaseCoding.rootOfTwo(m, octaves));
  }

  /**
   * The typed view of {@code phase1} coding plugin parameters ({@link SingleSpikePhaseCoding}) that
   * a converted network runs: its base, phases and rounding, read and checked by the plugin.
   *
   * @throws IllegalArgumentException when an option is out of range or no {@code rounding} is set
   *     (the converted network's neurons fire on a threshold, which the plugin's default
   *     nearest-level rule is not)
   */
  public static PhaseCoding of(CodingParameters parameters) {
    double rounding = SingleSpikePhaseCoding.rounding(parameters);
    Checks.checkArgument(
        !Double.isNaN(rounding),
        "a converted network needs coding 'phase1' with option rounding"
            + " (its neurons fire on a threshold rho B^-k; B^-1/2 rounds to the nearest level in the log domain)");
    return new PhaseCoding(
        SingleSpikePhaseCoding.base(parameters),
        SingleSpikePhaseCoding.phases(parameters),
        rounding);
  }

  /** {@code B^-k} for every phase. */
  public float[] phaseWeights() {
    float[] phi = new float[phases];
    for (int k = 0; k < phases; k++) {
      phi[k] = (float) Math.pow(base, -k);
    }
    return phi;
  }

  /** Firing thresholds {@code rho * B^-k} of the normalised potential. */
  public float[] thresholds() {
    float[] t = new float[phases];
    for (int k = 0; k < phases; k++) {
      t[k] = (float) (rounding * Math.pow(base, -k));
    }
    return t;
  }

  /** {@code m} if the base is {@code 2^(1/m)} for an integer {@code m <= 64}, otherwise 0. */
  public int rootOfTwoDegree() {
    double m = Math.log(2) / Math.log(base);
    long r = Math.round(m);
    return r >= 1 && r <= 64 && Math.abs(m - r) < 1e-9 ? (int) r : 0;
  }

  /**
   * Phase of a normalised value, -1 when it is too small to send (the {@code phase1} plugin's
   * threshold rule).
   */
  public int phaseOf(double value) {
    return SingleSpikePhaseCoding.phaseOf(value, base, phases, rounding);
  }
}
