package org.snncodesign.learning.rewiring;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.learning.surrogate.WeightTransform;

/**
 * Gradient rewiring (Grad R; Chen, Yu, Ma, Huang, "Pruning of deep spiking neural networks through
 * gradient rewiring", IJCAI 2021): each synapse has a fixed sign {@code s_i} and a hidden parameter
 * {@code theta_i}, and the network uses {@code w_i = s_i max(theta_i, 0)}, so a synapse is
 * connected exactly while {@code theta_i > 0}.
 *
 * <p>The rewiring is in the backward pass: the gradient of {@code theta} is taken as {@code s_i
 * dL/dw_i} for every synapse, connected or not (the ReLU's zero derivative is deliberately
 * ignored), so a pruned synapse whose gradient keeps pointing outward grows back. A Laplace prior
 * {@code p(theta) ~ exp(-|theta - mu| / b)} adds {@code alpha sign(theta - mu)} (with {@code alpha
 * = 1 / (b N)}, N the training-set size) and drifts unused synapses toward {@code mu <= 0}, i.e.
 * toward disconnection.
 *
 * <p>FireFly-S needs a guaranteed budget, which the original rule reaches only by tuning the prior.
 * This adaptation adds one projection after every optimiser step: when more than {@code (1 - s(t))
 * N} synapses of a layer are connected, for the {@link SparsitySchedule} target {@code s(t)}, the
 * weakest connected ones (smallest {@code theta}) are disconnected by setting {@code theta = 0}.
 * Regrowth still happens through the rewired gradient; the projection only caps the number of live
 * synapses, so each layer's sparsity is at least the scheduled target.
 */
public final class GradientRewiring implements WeightTransform {
  private final SparsitySchedule schedule;
  private final float priorStrength;
  private final float priorMean;
  private final List<float[]> signs = new ArrayList<>();
  private final List<float[]> scratch = new ArrayList<>();

  /**
   * @param schedule target sparsity per step
   * @param priorStrength {@code alpha >= 0}, the Laplace prior's pull (0 disables the prior)
   * @param priorMean {@code mu <= 0}, where the prior pulls the hidden parameters
   */
  public GradientRewiring(SparsitySchedule schedule, float priorStrength, float priorMean) {
    Checks.checkArgument(schedule != null, "schedule must not be null");
    Checks.checkArgument(
        priorStrength >= 0 && Float.isFinite(priorStrength),
        "prior strength must be >= 0, got %s",
        priorStrength);
    Checks.checkArgument(
        priorMean <= 0 && Float.isFinite(priorMean), "prior mean must be <= 0, got %s", priorMean);
    this.schedule = schedule;
    this.priorStrength = priorStrength;
    this.priorMean = priorMean;
  }

  /** Grad R with the given schedule and no prior (the budget alone decides what is pruned). */
  public GradientRewiring(SparsitySchedule schedule) {
    this(schedule, 0f, 0f);
  }

  public SparsitySchedule schedule() {
    return schedule;
  }

  /** Sets {@code s = sign(w)} (+1 for zero) and {@code theta = |w|}. */
  @Override
  public void initialise(int layer, float[] input) {
    while (signs.size() <= layer) {
      signs.add(null);
      scratch.add(null);
    }
    float[] sign = new float[input.length];
    for (int i = 0; i < input.length; i++) {
      sign[i] = input[i] < 0f ? -1f : 1f;
      input[i] = Math.abs(input[i]);
    }
    signs.set(layer, sign);
    scratch.set(layer, new float[input.length]);
  }

  @Override
  public void forward(int layer, float[] theta, float[] output) {
    float[] sign = signs.get(layer);
    for (int i = 0; i < theta.length; i++) {
      output[i] = theta[i] > 0f ? sign[i] * theta[i] : 0f;
    }
  }

  @Override
  public void backward(int layer, float[] theta, float[] gradient) {
    float[] sign = signs.get(layer);
    for (int i = 0; i < theta.length; i++) {
      float prior =
          theta[i] > priorMean ? priorStrength : theta[i] < priorMean ? -priorStrength : 0f;
      gradient[i] = sign[i] * gradient[i] + prior;
    }
  }

  @Override
  public void afterStep(int layer, float[] theta, long step) {
    enforceBudget(theta, schedule.sparsityAt(step), scratch.get(layer));
  }

  /** Fraction of the hidden parameters that are not connected ({@code theta <= 0}). */
  public static double sparsity(float[] theta) {
    int off = 0;
    for (float v : theta) {
      if (!(v > 0f)) {
        off++;
      }
    }
    return (double) off / theta.length;
  }

  /**
   * Disconnects the weakest connected synapses until at most {@code floor((1 - sparsity) n)}
   * remain.
   *
   * @param work scratch array at least as long as {@code theta}
   */
  static void enforceBudget(float[] theta, double sparsity, float[] work) {
    int budget = (int) Math.floor((1 - sparsity) * theta.length);
    int live = 0;
    for (float v : theta) {
      if (v > 0f) {
        work[live++] = v;
      }
    }
    if (live <= budget) {
      return;
    }
    if (budget == 0) {
      for (int i = 0; i < theta.length; i++) {
        theta[i] = Math.min(theta[i], 0f);
      }
      return;
    }
    // The budget-th largest live value: keep strictly larger ones, then equal ones until the budget
    // is used.
    float cut = select(work, live, live - budget);
    int above = 0;
    for (int i = 0; i < live; i++) {
      if (work[i] > cut) {
        above++;
      }
    }
    int equalAllowed = budget - above;
    for (int i = 0; i < theta.length; i++) {
      float v = theta[i];
      if (v > 0f && v <= cut) {
        if (v == cut && equalAllowed > 0) {
          equalAllowed--;
        } else {
          theta[i] = 0f;
        }
      }
    }
  }

  /** The k-th smallest (from 0) of {@code a[0 .. n)}, by in-place quickselect (Hoare partition). */
  private static float select(float[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      float pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }
}
