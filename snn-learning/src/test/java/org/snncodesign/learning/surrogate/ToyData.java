package org.snncodesign.learning.surrogate;

import java.util.Random;

/** Seeded synthetic classification sets for tests. */
public final class ToyData {
  public final float[] features;
  public final int[] labels;

  private ToyData(float[] features, int[] labels) {
    this.features = features;
    this.labels = labels;
  }

  /**
   * {@code samples} points in {@code [0, 1]^inputs}: class {@code c} lights up its own block of
   * inputs (a linearly separable task), plus uniform noise of amplitude {@code noise}.
   */
  public static ToyData blocks(int samples, int inputs, int classes, float noise, long seed) {
    Random random = new Random(seed);
    float[] features = new float[samples * inputs];
    int[] labels = new int[samples];
    int block = inputs / classes;
    for (int s = 0; s < samples; s++) {
      int c = random.nextInt(classes);
      labels[s] = c;
      for (int i = 0; i < inputs; i++) {
        boolean on = i / block == c;
        features[s * inputs + i] = Math.min(1f, (on ? 0.8f : 0f) + noise * random.nextFloat());
      }
    }
    return new ToyData(features, labels);
  }
}
