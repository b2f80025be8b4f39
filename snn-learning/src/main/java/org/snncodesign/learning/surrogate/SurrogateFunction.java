package org.snncodesign.learning.surrogate;

import org.snncodesign.api.Checks;

/**
 * A surrogate spike derivative of a given {@link SurrogateKind} and sharpness {@code alpha},
 * together with the smooth step it is the derivative of.
 *
 * <p>The forward pass of training always emits true spikes {@code s = H(h - v_th)}; {@link
 * #derivative(float)} is used in its place during the backward pass. {@link #smoothStep(float)}
 * exists so that the surrogate gradient can be verified exactly: a network whose forward pass uses
 * the smooth step has {@link #derivative(float)} as its true derivative, which finite differences
 * can check.
 *
 * @param kind the shape
 * @param alpha sharpness (larger is closer to the Heaviside step), finite and positive
 */
public record SurrogateFunction(SurrogateKind kind, float alpha) {
  private static final float HALF_PI = (float) (Math.PI / 2);

  public SurrogateFunction {
    Checks.checkArgument(kind != null, "surrogate kind must not be null");
    Checks.checkArgument(
        alpha > 0 && Float.isFinite(alpha),
        "surrogate alpha must be finite and > 0, got %s",
        alpha);
  }

  /** The usual sharpness for each shape: fast sigmoid 5, arctan 2 (SpikingJelly), triangle 1. */
  public static SurrogateFunction of(SurrogateKind kind) {
    return switch (kind) {
      case FAST_SIGMOID -> new SurrogateFunction(kind, 5f);
      case ARCTAN -> new SurrogateFunction(kind, 2f);
      case TRIANGLE -> new SurrogateFunction(kind, 1f);
    };
  }

  /** The pseudo-derivative {@code S'(x)} at {@code x = h - v_th}. */
  public float derivative(float x) {
    switch (kind) {
      case FAST_SIGMOID:
        {
          float d = 1f + alpha * Math.abs(x);
          return alpha / (2f * d * d);
        }
      case ARCTAN:
        {
          float u = HALF_PI * alpha * x;
          return alpha / (2f * (1f + u * u));
        }
      default:
        {
          float d = 1f - alpha * Math.abs(x);
          return d > 0f ? alpha * d : 0f;
        }
    }
  }

  /**
   * The smooth step {@code S(x)} whose derivative is {@link #derivative(float)}, rising from 0 to
   * 1.
   */
  public float smoothStep(float x) {
    switch (kind) {
      case FAST_SIGMOID:
        return 0.5f + 0.5f * alpha * x / (1f + alpha * Math.abs(x));
      case ARCTAN:
        return (float) (Math.atan(HALF_PI * alpha * x) / Math.PI) + 0.5f;
      default:
        {
          float ax = alpha * x;
          if (ax <= -1f) {
            return 0f;
          }
          if (ax >= 1f) {
            return 1f;
          }
          // Integral of alpha (1 - |alpha x|): a quadratic on each side of zero.
          return ax < 0f ? 0.5f * (1f + ax) * (1f + ax) : 1f - 0.5f * (1f - ax) * (1f - ax);
        }
    }
  }
}
