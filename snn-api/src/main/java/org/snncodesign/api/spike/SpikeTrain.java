package org.snncodesign.api.spike;

import java.util.Arrays;

/**
 * The spike times of one neuron, in time steps, strictly increasing.
 *
 * @param neuron the neuron's index
 * @param times spike steps, ascending, no repeats
 */
public record SpikeTrain(int neuron, int[] times) {
  public SpikeTrain {
    times = times.clone();
    for (int i = 1; i < times.length; i++) {
      if (times[i] <= times[i - 1]) {
        throw new IllegalArgumentException(
            "spike times of neuron "
                + neuron
                + " must increase: "
                + times[i - 1]
                + " then "
                + times[i]
                + " at position "
                + i);
      }
    }
  }

  @Override
  public int[] times() {
    return times.clone();
  }

  public int count() {
    return times.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpikeTrain s && s.neuron == neuron && Arrays.equals(s.times, times);
  }

  @Override
  public int hashCode() {
    return 31 * neuron + Arrays.hashCode(times);
  }

  @Override
  public String toString() {
    return "SpikeTrain[neuron " + neuron + ", times " + Arrays.toString(times) + "]";
  }
}
