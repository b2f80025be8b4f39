package org.snncodesign.api.neuron;

/**
 * A neuron model's discrete-time equations as a surrogate-gradient trainer runs and differentiates
 * them (made by {@link TrainableNeuronModel#surrogateDynamics}). The trainer owns every array; the
 * dynamics hold only constants, allocate nothing and are called from several threads at once.
 *
 * <h2>The model</h2>
 *
 * Each neuron has a state of {@link #stateSize()} = {@code k} floats (the membrane potential first,
 * e.g. {@code k = 1} for LIF: {@code v}; {@code k = 2} for an adaptive LIF: {@code v} and the
 * adaptation). One training step {@code t} (of {@code dt} seconds) of a layer of {@code n} neurons
 * is, per neuron:
 *
 * <pre>
 *   h[t] = F(u[t-1], I[t])      pre-spike state (k floats)         {@link #integrate}
 *   x[t] = G(h[t])              spike argument (1 float)            {@link #integrate}
 *   s[t] = H(x[t])              spike: 1 when x &gt;= 0, else 0       the trainer
 *   u[t] = R(h[t], s[t])        post-spike state (k floats)        {@link #reset}
 * </pre>
 *
 * with {@code u[-1]} the resting state ({@link #rest}) and {@code I[t]} the input current of the
 * step (weights times the spikes below, plus bias; in the model's input units, as the {@code input}
 * of {@link NeuronPopulation#step}). E.g. LIF with reset by subtraction: {@code h = beta u + I},
 * {@code x = h - v_th}, {@code u = h - v_th s}. {@code R(h, 0)} must be {@code h}: without a spike
 * the state is not reset (the trainer's non-spiking read-out relies on it).
 *
 * <p>The trainer replaces the spike by a smooth step {@code S(x)} in gradient checks (then {@code
 * s} is in [0, 1]), so {@link #reset} must accept any {@code s} in [0, 1] and {@link #backward}
 * must differentiate {@code R} at that {@code s}. In the backward pass the trainer gives {@code
 * S'(x[t])}, the surrogate derivative of the spike it chose (fast sigmoid, arctan, ...), at the
 * {@code x} the forward pass produced.
 *
 * <h2>Arrays</h2>
 *
 * States and state gradients are variable-major: variable {@code v} of neuron {@code j} is at
 * {@code [v * n + j]}, {@code k * n} floats from index 0. Per-step arrays ({@code trace}, {@code
 * spikes}, currents and their gradients) hold all steps of a sample and are read or written from
 * the offset given; a trace holds {@code k * n} floats per step in the state's layout, the others
 * {@code n}. The {@code trace} is the pre-spike state {@code h[t]}, written by {@link #integrate}
 * and read back unchanged by {@link #reset} and {@link #backward}.
 *
 * <h2>Order of calls</h2>
 *
 * For each sample: {@link #rest}; then for {@code t = 0 .. T-1}: {@link #integrate}, the trainer
 * sets {@code s[t]} from {@code x[t]}, {@link #reset}. Then backwards, with the state gradient
 * zeroed, for {@code t = T-1 .. 0}: {@link #backward}, which turns {@code dL/du[t]} into {@code
 * dL/du[t-1]} in place and writes {@code dL/dI[t]}.
 */
public interface SurrogateDynamics {

  /** State variables per neuron, {@code k >= 1}; variable 0 is the membrane potential. */
  int stateSize();

  /**
   * Writes the resting state {@code u[-1]} of {@code n} neurons into {@code state[0 .. k n)}.
   *
   * @param state {@code k * n} floats, variable-major
   */
  void rest(float[] state, int n);

  /**
   * Forward, first half of a step: the pre-spike state and the spike argument from the previous
   * state and this step's input current.
   *
   * @param n neurons in the layer
   * @param state {@code u[t-1]}, {@code k * n} floats from index 0; read only
   * @param current {@code I[t]}, {@code n} floats from {@code currentOffset}; read only
   * @param trace receives {@code h[t]}, {@code k * n} floats from {@code traceOffset}
   * @param spikeArgument receives {@code x[t]}, {@code n} floats from {@code argumentOffset}: the
   *     neuron spikes when {@code x >= 0}
   */
  void integrate(
      int n,
      float[] state,
      float[] current,
      int currentOffset,
      float[] trace,
      int traceOffset,
      float[] spikeArgument,
      int argumentOffset);

  /**
   * Forward, second half of a step: the state after this step's spikes, {@code u[t] = R(h[t],
   * s[t])}.
   *
   * @param n neurons in the layer
   * @param trace {@code h[t]} as {@link #integrate} wrote it, from {@code traceOffset}
   * @param spikes {@code s[t]}, {@code n} floats from {@code spikesOffset}, each 0 or 1 (in [0, 1]
   *     in gradient checks)
   * @param state receives {@code u[t]}, {@code k * n} floats from index 0
   */
  void reset(
      int n, float[] trace, int traceOffset, float[] spikes, int spikesOffset, float[] state);

  /**
   * Backward through step {@code t}. With {@code g_y = dL/dy} and {@code g_u} the gradient of the
   * post-spike state {@code u[t]}, the chain rule through the step is
   *
   * <pre>
   *   g_h = g_u dR/dh + (g_s + g_u dR/ds) S'(x) dG/dh
   *   g_u[t-1] = g_h dF/du,   g_I[t] = g_h dF/dI
   * </pre>
   *
   * (row vectors over the {@code k} variables). With {@code detachReset} the term {@code g_u dR/ds}
   * is dropped: the reset is treated as a constant of the state (Zenke and Vogels 2021), which
   * trains better; without it the gradient is exact for smooth spikes.
   *
   * @param n neurons in the layer
   * @param trace {@code h[t]} as {@link #integrate} wrote it, from {@code traceOffset}
   * @param spikes {@code s[t]} as given to {@link #reset}, from {@code spikesOffset}
   * @param surrogate {@code S'(x[t])}, {@code n} floats from index 0
   * @param spikeGradient {@code dL/ds[t]} from the layers above and the loss, {@code n} floats from
   *     {@code spikeGradientOffset}; read only
   * @param stateGradient in: {@code dL/du[t]} ({@code k * n} floats from index 0; a trainer whose
   *     loss does not read the final state passes zeros at the last step); out: {@code dL/du[t-1]}
   * @param currentGradient receives {@code dL/dI[t]}, {@code n} floats from {@code
   *     currentGradientOffset}
   * @param detachReset drop the reset's dependence on the state from the gradient
   */
  void backward(
      int n,
      float[] trace,
      int traceOffset,
      float[] spikes,
      int spikesOffset,
      float[] surrogate,
      float[] spikeGradient,
      int spikeGradientOffset,
      float[] stateGradient,
      float[] currentGradient,
      int currentGradientOffset,
      boolean detachReset);
}
