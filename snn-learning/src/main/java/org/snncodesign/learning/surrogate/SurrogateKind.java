package org.snncodesign.learning.surrogate;

/**
 * Shape of the pseudo-derivative that replaces the Dirac delta of the spike function during
 * backpropagation (Neftci, Mostafa and Zenke, "Surrogate gradient learning in spiking neural
 * networks", IEEE SPM 2019).
 *
 * <p>Each shape is the derivative of a smooth step {@code S(x)} with {@code S(-inf) = 0} and {@code
 * S(+inf) = 1}, so that the surrogate integrates to one whatever the sharpness {@code alpha};
 * {@code x = h - v_th}:
 *
 * <ul>
 *   <li>{@link #FAST_SIGMOID}: {@code S'(x) = alpha / (2 (1 + alpha |x|)^2)} (SuperSpike, Zenke and
 *       Ganguli 2018);
 *   <li>{@link #ARCTAN}: {@code S'(x) = alpha / (2 (1 + (pi alpha x / 2)^2))} (Fang et al. 2021,
 *       SpikingJelly);
 *   <li>{@link #TRIANGLE}: {@code S'(x) = alpha max(0, 1 - alpha |x|)} (Esser et al. 2016, Bellec
 *       et al. 2018).
 * </ul>
 */
public enum SurrogateKind {
  FAST_SIGMOID,
  ARCTAN,
  TRIANGLE;

  /**
   * The kind named {@code name} in kebab or snake case ({@code fast-sigmoid}, {@code arctan},
   * {@code triangle}).
   */
  public static SurrogateKind parse(String name) {
    String key = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    for (SurrogateKind kind : values()) {
      if (kind.name().equals(key)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown surrogate '" + name + "', expected fast-sigmoid, arctan or triangle");
  }
}
