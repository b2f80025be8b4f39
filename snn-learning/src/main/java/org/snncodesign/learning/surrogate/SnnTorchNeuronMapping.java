package org.snncodesign.learning.surrogate;

import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.graph.ElementType;
import org.snncodesign.api.graph.IfNode;
import org.snncodesign.api.graph.IntegratorNode;
import org.snncodesign.api.graph.LiNode;
import org.snncodesign.api.graph.LifNode;
import org.snncodesign.api.graph.NeuronNode;
import org.snncodesign.api.graph.Shape;
import org.snncodesign.api.graph.Tensor;

/**
 * The trainer's discrete neuron {@code h[t] = beta v[t-1] + I[t]} as NIR's continuous-time nodes
 * and back, by snnTorch's export convention: {@code tau = dt / (1 - beta)}, {@code r = tau / dt},
 * {@code v_leak = 0}, so that forward Euler, {@code v += dt / tau (v_leak - v + r I)}, gives {@code
 * v = beta v + I} exactly; {@code beta = 1} has no time constant and becomes IF (spiking) or I
 * (integrating) with {@code r = 1 / dt}, so that {@code v += dt r I} is {@code v + I}. Parameters
 * are stored in double precision; {@code beta} comes back as {@code (float) (1 - dt / tau)}, which
 * is the original float (the double round trip errs by about 1e-16, far below half a float step;
 * {@link #checkInvertible} makes sure of it at export).
 */
final class SnnTorchNeuronMapping {
  /**
   * Relative tolerance on {@code r = tau / dt} for graphs written by other tools in single
   * precision.
   */
  private static final double TOLERANCE = 1e-6;

  private SnnTorchNeuronMapping() {}

  /** LIF for {@code beta < 1}, IF for {@code beta = 1}; {@code v_reset = 0}. */
  static NeuronNode spiking(Shape shape, float beta, float threshold, double dt) {
    Tensor zero = uniform(shape, 0);
    Tensor vThreshold = uniform(shape, threshold);
    if (beta == 1f) {
      return new IfNode(uniform(shape, 1 / dt), vThreshold, zero);
    }
    double tau = timeConstant(beta, dt);
    return new LifNode(uniform(shape, tau), uniform(shape, tau / dt), zero, vThreshold, zero);
  }

  /** LI for {@code beta < 1}, I for {@code beta = 1}: the membrane read-out, which never spikes. */
  static NeuronNode integrating(Shape shape, float beta, double dt) {
    if (beta == 1f) {
      return new IntegratorNode(uniform(shape, 1 / dt));
    }
    double tau = timeConstant(beta, dt);
    return new LiNode(uniform(shape, tau), uniform(shape, tau / dt), uniform(shape, 0));
  }

  /**
   * The decay per step of neuron node {@code name}.
   *
   * @throws InvalidInputException naming the node when it is not a neuron of this form
   */
  static float beta(String name, NeuronNode node, double dt) {
    if (node instanceof LifNode lif) {
      requireZero(name, "v_leak", lif.vLeak());
      return decay(name, value(name, "tau", lif.tau()), value(name, "r", lif.r()), dt);
    }
    if (node instanceof LiNode li) {
      requireZero(name, "v_leak", li.vLeak());
      return decay(name, value(name, "tau", li.tau()), value(name, "r", li.r()), dt);
    }
    if (node instanceof IfNode ifNode) {
      return unitStep(name, value(name, "r", ifNode.r()), dt);
    }
    if (node instanceof IntegratorNode integrator) {
      return unitStep(name, value(name, "r", integrator.r()), dt);
    }
    throw new InvalidInputException(
        "node '"
            + name
            + "' is "
            + node.nirType()
            + "; the trainer's neurons are LIF or IF (hidden layers) and LI or I (membrane read-out)");
  }

  /** The firing threshold of spiking node {@code name} (LIF or IF, reset potential 0). */
  static float threshold(String name, NeuronNode node) {
    Tensor vThreshold;
    Tensor vReset;
    if (node instanceof LifNode lif) {
      vThreshold = lif.vThreshold();
      vReset = lif.vReset();
    } else if (node instanceof IfNode ifNode) {
      vThreshold = ifNode.vThreshold();
      vReset = ifNode.vReset();
    } else {
      throw new InvalidInputException(
          "node '"
              + name
              + "' is "
              + node.nirType()
              + "; the trainer's spiking neurons are LIF or IF");
    }
    requireZero(name, "v_reset", vReset);
    return (float) value(name, "v_threshold", vThreshold);
  }

  /**
   * Refuses a {@code beta} whose time constant does not map back to it (only values below about
   * 1e-16, where {@code 1 - beta} rounds to 1 in double precision).
   */
  static void checkInvertible(float beta, double dt) {
    if (beta != 1f && (float) (1 - dt / timeConstant(beta, dt)) != beta) {
      throw new IllegalArgumentException(
          "beta = "
              + beta
              + " at dt = "
              + dt
              + " does not survive tau = dt / (1 - beta) in double precision");
    }
  }

  private static double timeConstant(float beta, double dt) {
    return dt / (1 - (double) beta);
  }

  private static float decay(String name, double tau, double r, double dt) {
    if (Math.abs(r - tau / dt) > TOLERANCE * (tau / dt)) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' has r = "
              + r
              + " but tau / dt = "
              + tau / dt
              + "; the trainer's neuron h = beta v + I needs r = tau / dt (snnTorch's export)");
    }
    return (float) (1 - dt / tau);
  }

  private static float unitStep(String name, double r, double dt) {
    if (Math.abs(r * dt - 1) > TOLERANCE) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' has r = "
              + r
              + " but 1 / dt = "
              + 1 / dt
              + "; the trainer's neuron v = v + I needs r = 1 / dt");
    }
    return 1f;
  }

  /**
   * The single value of a parameter that must be the same for every neuron (the trainer has one per
   * network).
   */
  private static double value(String name, String parameter, Tensor tensor) {
    double first = tensor.get(0);
    if (!tensor.isUniform(first)) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' has different "
              + parameter
              + " values per neuron; the trainer's network has one value for all neurons");
    }
    return first;
  }

  private static void requireZero(String name, String parameter, Tensor tensor) {
    if (!tensor.isUniform(0)) {
      throw new InvalidInputException(
          "node '"
              + name
              + "' has "
              + parameter
              + " = "
              + tensor.get(0)
              + " (or varies); the trainer's neurons need "
              + parameter
              + " = 0");
    }
  }

  private static Tensor uniform(Shape shape, double value) {
    return Tensor.filled(shape, value, ElementType.FLOAT64);
  }
}
