package org.snncodesign.neurons.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.snncodesign.api.io.AtomicFile;
import org.snncodesign.api.spike.SpikeRaster;

/**
 * Records every spike of one population as (step, neuron) pairs in growing primitive arrays
 * (amortised growth; no per-spike objects). Read it after or between runs; write it to CSV with
 * {@link #writeCsv}.
 */
public final class SpikeMonitor {
  private final String population;
  private final int size;
  private final double dt;
  private int[] steps = new int[1024];
  private int[] neurons = new int[1024];
  private int count;

  SpikeMonitor(String population, int size, double dt) {
    this.population = population;
    this.size = size;
    this.dt = dt;
  }

  void record(int step, long[] words) {
    for (int w = 0; w < words.length; w++) {
      long word = words[w];
      while (word != 0) {
        if (count == steps.length) {
          int grown = Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8L, steps.length * 2L));
          steps = Arrays.copyOf(steps, grown);
          neurons = Arrays.copyOf(neurons, grown);
        }
        steps[count] = step;
        neurons[count++] = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
  }

  /** The monitored population's name. */
  public String population() {
    return population;
  }

  /** Number of spikes recorded. */
  public int count() {
    return count;
  }

  /** Step of each recorded spike, in recording order (a copy). */
  public int[] steps() {
    return Arrays.copyOf(steps, count);
  }

  /** Neuron of each recorded spike, in recording order (a copy). */
  public int[] neurons() {
    return Arrays.copyOf(neurons, count);
  }

  /** Spikes per neuron. */
  public int[] countsPerNeuron() {
    int[] counts = new int[size];
    for (int i = 0; i < count; i++) {
      counts[neurons[i]]++;
    }
    return counts;
  }

  /** Mean firing rate in Hz over {@code simulatedSteps} steps. */
  public double meanRateHz(int simulatedSteps) {
    return size == 0 || simulatedSteps == 0 ? 0 : count / (size * simulatedSteps * dt);
  }

  /** The spikes of steps {@code [fromStep, fromStep + timeSteps)} as a raster. */
  public SpikeRaster toRaster(int fromStep, int timeSteps) {
    SpikeRaster raster = new SpikeRaster(timeSteps, size);
    long[] words = raster.words();
    int wordsPerStep = raster.wordsPerStep();
    for (int i = 0; i < count; i++) {
      int t = steps[i] - fromStep;
      if (t >= 0 && t < timeSteps) {
        words[t * wordsPerStep + (neurons[i] >>> 6)] |= 1L << neurons[i];
      }
    }
    return raster;
  }

  /** Forgets the recorded spikes. */
  public void clear() {
    count = 0;
  }

  /** Writes {@code step,time_s,neuron} rows with a header, moved in when complete. */
  public void writeCsv(Path file) throws IOException {
    AtomicFile.write(
        file,
        temporary -> {
          try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("step,time_s,neuron\n");
            for (int i = 0; i < count; i++) {
              out.write(steps[i] + "," + (steps[i] * dt) + "," + neurons[i] + "\n");
            }
          }
        });
  }
}
