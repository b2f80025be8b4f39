package org.snncodesign.neurons.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.snncodesign.api.io.AtomicFile;

/**
 * Records the membrane potential of chosen neurons of one population every step, into one growing
 * {@code float[]} (step-major); write it to CSV with {@link #writeCsv}.
 */
public final class StateMonitor {
  private final String population;
  private final int[] neurons;
  private final double dt;
  private float[] values;
  private int[] stepsRecorded;
  private int samples;

  StateMonitor(String population, int[] neurons, double dt) {
    this.population = population;
    this.neurons = neurons.clone();
    this.dt = dt;
    this.values = new float[Math.max(1, neurons.length) * 256];
    this.stepsRecorded = new int[256];
  }

  void record(int step, float[] potential) {
    if (samples == stepsRecorded.length) {
      int grown = (int) Math.min(Integer.MAX_VALUE - 8L, stepsRecorded.length * 2L);
      stepsRecorded = Arrays.copyOf(stepsRecorded, grown);
      values =
          Arrays.copyOf(
              values, (int) Math.min(Integer.MAX_VALUE - 8L, (long) grown * neurons.length));
    }
    int base = samples * neurons.length;
    for (int k = 0; k < neurons.length; k++) {
      values[base + k] = potential[neurons[k]];
    }
    stepsRecorded[samples++] = step;
  }

  public String population() {
    return population;
  }

  /** The monitored neurons (a copy). */
  public int[] neurons() {
    return neurons.clone();
  }

  /** Number of recorded steps. */
  public int samples() {
    return samples;
  }

  /** The trace of the {@code k}-th monitored neuron (a copy). */
  public float[] trace(int k) {
    if (k < 0 || k >= neurons.length) {
      throw new IllegalArgumentException(
          "trace index " + k + " outside [0, " + neurons.length + ")");
    }
    float[] trace = new float[samples];
    for (int s = 0; s < samples; s++) {
      trace[s] = values[s * neurons.length + k];
    }
    return trace;
  }

  /** Forgets the recorded samples. */
  public void clear() {
    samples = 0;
  }

  /** Writes {@code step,time_s,v_<neuron>...} rows with a header, moved in when complete. */
  public void writeCsv(Path file) throws IOException {
    AtomicFile.write(
        file,
        temporary -> {
          try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("step,time_s");
            for (int n : neurons) {
              header.append(",v_").append(n);
            }
            out.write(header.append('\n').toString());
            for (int s = 0; s < samples; s++) {
              StringBuilder row =
                  new StringBuilder()
                      .append(stepsRecorded[s])
                      .append(',')
                      .append(stepsRecorded[s] * dt);
              for (int k = 0; k < neurons.length; k++) {
                row.append(',').append(values[s * neurons.length + k]);
              }
              out.write(row.append('\n').toString());
            }
          }
        });
  }
}
