package org.snncodesign.learning.rewiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.learning.surrogate.Readout;
import org.snncodesign.learning.surrogate.ResetMode;
import org.snncodesign.learning.surrogate.SpikingLayer;
import org.snncodesign.learning.surrogate.SpikingNetwork;
import org.snncodesign.learning.surrogate.SurrogateGradientTrainer;
import org.snncodesign.learning.surrogate.ToyData;
import org.snncodesign.learning.surrogate.TrainingOptions;

class GradientRewiringTest {

  @Test
  @DisplayName(
      "the budget keeps exactly the largest connected parameters, for any sparsity and ties")
  void budgetKeepsTheLargest() {
    Random random = new Random(4);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(300);
      float[] theta = new float[n];
      for (int i = 0; i < n; i++) {
        // Coarse values make ties common; some are already disconnected.
        theta[i] = random.nextInt(12) / 4f - 0.5f;
      }
      double sparsity = random.nextDouble() * 0.99;
      float[] before = theta.clone();
      GradientRewiring.enforceBudget(theta, sparsity, new float[n]);
      long liveBefore = count(before);
      long budget = (long) Math.floor((1 - sparsity) * n);
      assertThat(count(theta)).isEqualTo(Math.min(liveBefore, budget));
      float smallestKept = Float.POSITIVE_INFINITY;
      float largestDropped = Float.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (theta[i] > 0f) {
          assertThat(theta[i]).isEqualTo(before[i]);
          smallestKept = Math.min(smallestKept, theta[i]);
        } else if (before[i] > 0f) {
          assertThat(theta[i]).isZero();
          largestDropped = Math.max(largestDropped, before[i]);
        }
      }
      assertThat(largestDropped).isLessThanOrEqualTo(smallestKept);
    }
  }

  private static long count(float[] theta) {
    return IntStreamCount.positive(theta);
  }

  @Test
  @DisplayName(
      "the cubic schedule starts at zero, rises monotonically and holds the final sparsity")
  void cubicSchedule() {
    SparsitySchedule schedule = new SparsitySchedule(0.9, 10, 100);
    assertThat(schedule.sparsityAt(0)).isZero();
    assertThat(schedule.sparsityAt(10)).isZero();
    assertThat(schedule.sparsityAt(60)).isCloseTo(0.9 * (1 - 0.125), within(1e-12));
    assertThat(schedule.sparsityAt(110)).isEqualTo(0.9);
    assertThat(schedule.sparsityAt(10_000)).isEqualTo(0.9);
    double previous = 0;
    for (long t = 0; t < 130; t++) {
      assertThat(schedule.sparsityAt(t)).isGreaterThanOrEqualTo(previous);
      previous = schedule.sparsityAt(t);
    }
    assertThatThrownBy(() -> new SparsitySchedule(1.0, 0, 0)).hasMessageContaining("1.0");
  }

  @Test
  @DisplayName("the rewired gradient reaches disconnected synapses, so they can grow back")
  void gradientReachesDisconnectedSynapses() {
    GradientRewiring rewiring = new GradientRewiring(SparsitySchedule.constant(0.5));
    float[] theta = {0.3f, -0.2f, 0.1f, -0.4f};
    rewiring.initialise(0, theta);
    assertThat(theta).containsExactly(0.3f, 0.2f, 0.1f, 0.4f);
    theta[1] = 0f; // disconnect the second synapse
    float[] w = new float[4];
    rewiring.forward(0, theta, w);
    assertThat(w).containsExactly(0.3f, 0f, 0.1f, -0.4f);
    float[] gradient = {1f, 1f, 1f, 1f};
    rewiring.backward(0, theta, gradient);
    assertThat(gradient).containsExactly(1f, -1f, 1f, -1f);
  }

  @Test
  @DisplayName("training under Grad R holds every layer at the target sparsity and still learns")
  void trainingHoldsTargetSparsity() {
    ToyData train = ToyData.blocks(400, 16, 4, 0.5f, 1);
    SpikingNetwork net =
        SpikingNetwork.initialise(
            new int[] {16, 32, 4}, 6, 0.9f, 1f, ResetMode.SUBTRACT, Readout.SPIKE_COUNT, 7);
    SparsitySchedule schedule = new SparsitySchedule(0.8, 5, 60);
    GradientRewiring rewiring = new GradientRewiring(schedule, 1e-4f, -0.01f);
    TrainingOptions options =
        TrainingOptions.builder().learningRate(1e-2f).batchSize(16).threads(2).build();
    double[] perEpoch = new double[10];
    try (SurrogateGradientTrainer trainer =
        new SurrogateGradientTrainer(net, options, List.of(rewiring))) {
      for (int epoch = 0; epoch < perEpoch.length; epoch++) {
        perEpoch[epoch] = trainer.trainEpoch(train.features, train.labels, epoch).weightSparsity();
        for (int l = 0; l < 2; l++) {
          double layerSparsity =
              (double) net.layer(l).zeroWeights() / net.layer(l).weights().length;
          assertThat(layerSparsity)
              .isGreaterThanOrEqualTo(schedule.sparsityAt(trainer.steps()) - 1e-9);
        }
      }
      assertThat(trainer.steps()).isGreaterThan(65);
      for (SpikingLayer layer : net.layers()) {
        double s = (double) layer.zeroWeights() / layer.weights().length;
        // At least the target and not far beyond it: the budget does not over-prune.
        assertThat(s).isBetween(0.8, 0.85);
      }
      assertThat(trainer.evaluate(train.features, train.labels).accuracy()).isGreaterThan(0.9);
    }
    assertThat(perEpoch[0]).isLessThan(perEpoch[perEpoch.length - 1]);
    assertThat(Arrays.stream(perEpoch).max().getAsDouble()).isLessThan(0.85);
  }

  /** Counting helper kept out of the assertions. */
  private static final class IntStreamCount {
    static long positive(float[] a) {
      long c = 0;
      for (float v : a) {
        if (v > 0f) {
          c++;
        }
      }
      return c;
    }
  }
}
