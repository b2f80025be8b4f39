package org.snncodesign.learning.surrogate;

import java.util.Random;

/**
 * Seeded toy images for convolution tests: one horizontal (class 0) or vertical (class 1) bar plus
 * noise.
 */
final class BarImages {
  final float[] features;
  final int[] labels;

  private BarImages(float[] features, int[] labels) {
    this.features = features;
    this.labels = labels;
  }

  /** {@code samples} single-channel {@code size x size} images, row-major, values in [0, 1]. */
  static BarImages generate(int samples, int size, float noise, long seed) {
    Random random = new Random(seed);
    float[] features = new float[samples * size * size];
    int[] labels = new int[samples];
    for (int s = 0; s < samples; s++) {
      int label = random.nextInt(2);
      labels[s] = label;
      int line = random.nextInt(size);
      int base = s * size * size;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          boolean on = label == 0 ? y == line : x == line;
          features[base + y * size + x] =
              Math.min(1f, (on ? 0.9f : 0f) + noise * random.nextFloat());
        }
      }
    }
    return new BarImages(features, labels);
  }
}
