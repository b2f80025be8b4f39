package org.snncodesign.neurons.support;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.neuron.NeuronPopulation;

/** Test helper: drive a population with constant input and collect spike steps per neuron. */
public final class Spikes {
  private Spikes() {}

  /** Spike steps of each neuron under the constant per-neuron input for {@code steps} steps. */
  public static List<List<Integer>> drive(NeuronPopulation population, float[] input, int steps) {
    List<List<Integer>> times = new ArrayList<>();
    for (int i = 0; i < population.size(); i++) {
      times.add(new ArrayList<>());
    }
    long[] words = new long[(population.size() + 63) / 64];
    for (int t = 0; t < steps; t++) {
      population.step(input, words);
      for (int i = 0; i < population.size(); i++) {
        if ((words[i >>> 6] & (1L << i)) != 0) {
          times.get(i).add(t);
        }
      }
    }
    return times;
  }

  /** Inter-spike intervals in steps. */
  public static int[] intervals(List<Integer> times) {
    int[] isi = new int[Math.max(0, times.size() - 1)];
    for (int k = 1; k < times.size(); k++) {
      isi[k - 1] = times.get(k) - times.get(k - 1);
    }
    return isi;
  }
}
