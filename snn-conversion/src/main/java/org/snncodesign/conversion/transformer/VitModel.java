package org.snncodesign.conversion.transformer;

import java.util.SplittableRandom;
import org.snncodesign.api.Checks;

/**
 * A vision transformer: its shape and all parameters in one flat vector laid out by {@link
 * VitLayout}. The array is shared with the trainer, which updates it in place. Saved and loaded by
 * {@link VitJson}.
 *
 * @param schemaVersion layout version of the JSON form, {@link #SCHEMA_VERSION}
 * @param name model name
 * @param config shape
 * @param parameters {@code new VitLayout(config).size} values
 */
public record VitModel(int schemaVersion, String name, VitConfig config, float[] parameters) {
  /** Version of the JSON layout this code reads and writes. */
  public static final int SCHEMA_VERSION = 1;

  public VitModel {
    Checks.checkArgument(
        schemaVersion == SCHEMA_VERSION,
        "ViT model '%s' has schema version %d, this build reads version %d",
        name,
        schemaVersion,
        SCHEMA_VERSION);
    Checks.checkArgument(name != null && !name.isBlank(), "a model needs a name");
    Checks.checkArgument(config != null, "model '%s' needs a config", name);
    int size = new VitLayout(config).size;
    Checks.checkArgument(
        parameters != null && parameters.length == size,
        "model '%s' needs %d parameters for %s, got %s",
        name,
        size,
        config,
        parameters == null ? "none" : parameters.length);
  }

  /**
   * A freshly initialised model: Xavier-uniform linear weights (Glorot and Bengio, AISTATS 2010;
   * He-uniform for the MLP's first layer, which feeds a ReLU), zero biases, layer-norm gains 1 and
   * shifts 0, and a position embedding uniform in {@code [-0.02, 0.02]}.
   */
  public static VitModel initialised(String name, VitConfig config, long seed) {
    VitLayout at = new VitLayout(config);
    float[] p = new float[at.size];
    SplittableRandom random = new SplittableRandom(seed);
    int d = config.dim();
    int m = config.mlpDim();
    uniform(
        p, at.patchW, d * config.patchSize(), Math.sqrt(6.0 / (config.patchSize() + d)), random);
    uniform(p, at.position, config.tokens() * d, 0.02, random);
    for (int l = 0; l < config.depth(); l++) {
      java.util.Arrays.fill(p, at.ln1G[l], at.ln1G[l] + d, 1f);
      java.util.Arrays.fill(p, at.ln2G[l], at.ln2G[l] + d, 1f);
      double xavier = Math.sqrt(6.0 / (2 * d));
      uniform(p, at.wq[l], d * d, xavier, random);
      uniform(p, at.wk[l], d * d, xavier, random);
      uniform(p, at.wv[l], d * d, xavier, random);
      uniform(p, at.wo[l], d * d, xavier, random);
      uniform(p, at.w1[l], m * d, Math.sqrt(6.0 / d), random);
      uniform(p, at.w2[l], d * m, Math.sqrt(6.0 / (d + m)), random);
    }
    java.util.Arrays.fill(p, at.lnfG, at.lnfG + d, 1f);
    uniform(p, at.headW, config.classes() * d, Math.sqrt(6.0 / (d + config.classes())), random);
    return new VitModel(SCHEMA_VERSION, name, config, p);
  }

  /** The parameter layout. */
  public VitLayout layout() {
    return new VitLayout(config);
  }

  /**
   * Multiply-accumulates of one inference: patch embedding, Q/K/V/output projections, the two
   * products of attention ({@code Q K^T} and {@code A V}, {@code T^2 D} each), the MLP and the
   * head. Layer norms, softmax, ReLU, pooling, residual and bias additions are not counted (which
   * favours the ANN).
   */
  public long macs() {
    VitConfig c = config;
    long t = c.tokens();
    long d = c.dim();
    long perBlock = t * (4 * d * d + 2 * d * c.mlpDim()) + 2 * t * t * d;
    return t * d * c.patchSize() + c.depth() * perBlock + (long) c.classes() * d;
  }

  private static void uniform(float[] p, int from, int n, double limit, SplittableRandom random) {
    for (int i = from; i < from + n; i++) {
      p[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VitModel m
        && m.schemaVersion == schemaVersion
        && m.name.equals(name)
        && m.config.equals(config)
        && java.util.Arrays.equals(m.parameters, parameters);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(name, config) + java.util.Arrays.hashCode(parameters);
  }

  @Override
  public String toString() {
    return "VitModel[" + name + ", " + config + ", " + parameters.length + " parameters]";
  }
}
