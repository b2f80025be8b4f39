package org.snncodesign.api.spike;

import java.io.Serializable;
import org.snncodesign.api.Checks;

/**
 * Spikes of {@code neurons} neurons over {@code timeSteps} steps, one bit each.
 *
 * <p>Bits are stored step-major in a {@code long[]}: step {@code t} occupies words {@code [t *
 * wordsPerStep, (t + 1) * wordsPerStep)}, neuron {@code n} is bit {@code n % 64} of word {@code n /
 * 64}. Hot loops read and write {@link #words()} directly; the padding bits past {@code neurons}
 * stay zero.
 */
public final class SpikeRaster implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int timeSteps;
  private final int neurons;
  private final int wordsPerStep;
  private final long[] words;

  /** An empty raster (no spikes). */
  public SpikeRaster(int timeSteps, int neurons) {
    this.timeSteps = Checks.nonNegative(timeSteps, "timeSteps");
    this.neurons = Checks.nonNegative(neurons, "neurons");
    this.wordsPerStep = wordsFor(neurons);
    long total = (long) wordsPerStep * timeSteps;
    Checks.checkArgument(
        total <= Integer.MAX_VALUE - 8,
        "raster of %d steps x %d neurons needs %d words, more than an array holds",
        timeSteps,
        neurons,
        total);
    this.words = new long[(int) total];
  }

  /** Words needed for one step of {@code neurons} bits. */
  public static int wordsFor(int neurons) {
    return (neurons + 63) >>> 6;
  }

  public int timeSteps() {
    return timeSteps;
  }

  public int neurons() {
    return neurons;
  }

  public int wordsPerStep() {
    return wordsPerStep;
  }

  /** The backing bits, step-major; writes show in the raster. */
  public long[] words() {
    return words;
  }

  /** Index in {@link #words()} of the first word of step {@code t}. */
  public int stepOffset(int t) {
    return t * wordsPerStep;
  }

  public boolean get(int t, int neuron) {
    checkIndex(t, neuron);
    return (words[t * wordsPerStep + (neuron >>> 6)] & (1L << neuron)) != 0;
  }

  public void set(int t, int neuron) {
    checkIndex(t, neuron);
    words[t * wordsPerStep + (neuron >>> 6)] |= 1L << neuron;
  }

  public void clear(int t, int neuron) {
    checkIndex(t, neuron);
    words[t * wordsPerStep + (neuron >>> 6)] &= ~(1L << neuron);
  }

  /** Spikes at step {@code t}. */
  public int countAt(int t) {
    Checks.checkArgument(t >= 0 && t < timeSteps, "step %d outside [0, %d)", t, timeSteps);
    int count = 0;
    for (int w = t * wordsPerStep, end = w + wordsPerStep; w < end; w++) {
      count += Long.bitCount(words[w]);
    }
    return count;
  }

  /** All spikes. */
  public long count() {
    long count = 0;
    for (long word : words) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /** Spikes per neuron over all steps. */
  public int[] countsPerNeuron() {
    int[] counts = new int[neurons];
    for (int t = 0; t < timeSteps; t++) {
      int base = t * wordsPerStep;
      for (int w = 0; w < wordsPerStep; w++) {
        long word = words[base + w];
        while (word != 0) {
          counts[(w << 6) + Long.numberOfTrailingZeros(word)]++;
          word &= word - 1;
        }
      }
    }
    return counts;
  }

  /** Fraction of (step, neuron) cells that hold a spike; 0 for an empty shape. */
  public double density() {
    long cells = (long) timeSteps * neurons;
    return cells == 0 ? 0 : (double) count() / cells;
  }

  /** The spike times of one neuron, in steps. */
  public SpikeTrain train(int neuron) {
    Checks.checkArgument(
        neuron >= 0 && neuron < neurons, "neuron %d outside [0, %d)", neuron, neurons);
    int[] times = new int[timeSteps];
    int n = 0;
    for (int t = 0; t < timeSteps; t++) {
      if ((words[t * wordsPerStep + (neuron >>> 6)] & (1L << neuron)) != 0) {
        times[n++] = t;
      }
    }
    return new SpikeTrain(neuron, java.util.Arrays.copyOf(times, n));
  }

  private void checkIndex(int t, int neuron) {
    if (t < 0 || t >= timeSteps || neuron < 0 || neuron >= neurons) {
      throw new IndexOutOfBoundsException(
          "spike (step "
              + t
              + ", neuron "
              + neuron
              + ") outside raster "
              + timeSteps
              + " x "
              + neurons);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpikeRaster r
        && r.timeSteps == timeSteps
        && r.neurons == neurons
        && java.util.Arrays.equals(r.words, words);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * timeSteps + neurons) + java.util.Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "SpikeRaster[" + timeSteps + " steps x " + neurons + " neurons, " + count() + " spikes]";
  }
}
