package org.snncodesign.datasets.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes small WAV files for tests. */
final class WavFiles {
  private WavFiles() {}

  /**
   * PCM WAV with {@code frames[f][c]} samples as raw integers (0..255 for 8-bit, signed 16-bit
   * otherwise).
   */
  static byte[] pcm(int rate, int bits, int[][] frames, boolean listChunk) {
    int channels = frames.length == 0 ? 1 : frames[0].length;
    int dataSize = frames.length * channels * bits / 8;
    int list = listChunk ? 8 + 5 + 1 : 0; // odd-sized chunk with its pad byte
    ByteBuffer b =
        ByteBuffer.allocate(12 + 24 + list + 8 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(4 + 24 + list + 8 + dataSize).put("WAVE".getBytes());
    b.put("fmt ".getBytes())
        .putInt(16)
        .putShort((short) 1)
        .putShort((short) channels)
        .putInt(rate)
        .putInt(rate * channels * bits / 8)
        .putShort((short) (channels * bits / 8))
        .putShort((short) bits);
    if (listChunk) {
      b.put("LIST".getBytes()).putInt(5).put("hello".getBytes()).put((byte) 0);
    }
    b.put("data".getBytes()).putInt(dataSize);
    for (int[] frame : frames) {
      for (int v : frame) {
        if (bits == 8) {
          b.put((byte) v);
        } else {
          b.putShort((short) v);
        }
      }
    }
    return b.array();
  }

  static byte[] mono16(int rate, int... samples) {
    int[][] frames = new int[samples.length][];
    for (int i = 0; i < samples.length; i++) {
      frames[i] = new int[] {samples[i]};
    }
    return pcm(rate, 16, frames, false);
  }
}
