package org.snncodesign.datasets.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid file, in the spirit of AFL's deterministic and havoc stages: bit
 * flips, interesting bytes and 32-bit integers (0, -1, extremes, powers of two, both byte orders)
 * written over headers, truncation, random extension, insertion, deletion and duplication of
 * blocks. Several mutations stack per input.
 */
final class Mutator {
  private static final int[] INTERESTING = {
    0,
    1,
    -1,
    0x7f,
    0x80,
    0xff,
    0x7fff,
    0x8000,
    0xffff,
    0x7fff_ffff,
    0x8000_0000,
    0x4000_0000,
    0x1000_0000,
    1 << 20,
    1 << 16,
    255,
    256,
    1000,
    65535,
    65536
  };

  private final SplittableRandom random;

  Mutator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  byte[] mutate(byte[] valid) {
    byte[] data = valid.clone();
    int rounds = 1 + random.nextInt(4);
    for (int r = 0; r < rounds; r++) {
      data = once(data);
    }
    return data;
  }

  private int position(byte[] data) {
    // Headers hold the sizes that matter: aim at the first 64 bytes half of the time.
    int bound = data.length;
    if (random.nextBoolean()) {
      bound = Math.min(bound, 64);
    }
    return bound == 0 ? 0 : random.nextInt(bound);
  }

  private byte[] once(byte[] data) {
    int kind = random.nextInt(9);
    if (data.length == 0 && kind < 6) {
      kind = 6;
    }
    switch (kind) {
      case 0 -> {
        int p = position(data);
        data[p] ^= (byte) (1 << random.nextInt(8));
      }
      case 1 -> data[position(data)] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
      case 2 -> {
        int p = position(data);
        if (p + 4 <= data.length) {
          int v = INTERESTING[random.nextInt(INTERESTING.length)];
          if (random.nextBoolean()) {
            v = Integer.reverseBytes(v);
          }
          data[p] = (byte) (v >>> 24);
          data[p + 1] = (byte) (v >>> 16);
          data[p + 2] = (byte) (v >>> 8);
          data[p + 3] = (byte) v;
        }
      }
      case 3 -> data[position(data)] = (byte) random.nextInt(256);
      case 4 -> data = Arrays.copyOf(data, random.nextInt(data.length + 1));
      case 5 -> {
        int p = position(data);
        int n = Math.min(data.length - p, 1 + random.nextInt(16));
        byte[] shorter = new byte[data.length - n];
        System.arraycopy(data, 0, shorter, 0, p);
        System.arraycopy(data, p + n, shorter, p, data.length - p - n);
        data = shorter;
      }
      case 6 -> {
        int n = 1 + random.nextInt(64);
        byte[] longer = Arrays.copyOf(data, data.length + n);
        for (int i = data.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        data = longer;
      }
      case 7 -> {
        int p = position(data);
        int n = 1 + random.nextInt(16);
        byte[] longer = new byte[data.length + n];
        System.arraycopy(data, 0, longer, 0, p);
        for (int i = 0; i < n; i++) {
          longer[p + i] = (byte) random.nextInt(256);
        }
        System.arraycopy(data, p, longer, p + n, data.length - p);
        data = longer;
      }
      default -> {
        int from = position(data);
        int n = Math.min(data.length - from, 1 + random.nextInt(32));
        int to = position(data);
        byte[] block = Arrays.copyOfRange(data, from, from + n);
        System.arraycopy(block, 0, data, to, Math.min(n, data.length - to));
      }
    }
    return data;
  }
}
