package org.snncodesign.learning.lsm;

import org.snncodesign.api.Checks;
import org.snncodesign.api.neuron.NeuronModel;
import org.snncodesign.neurons.lif.LeakyIntegrateAndFire;

/**
 * The settings of a liquid (Maass, Natschläger &amp; Markram 2002, "Real-time computing without
 * stable states", Neural Computation 14:2531): {@code neurons} current-based LIF neurons on a 3-D
 * grid, a fraction {@code excitatoryFraction} of them excitatory, neuron a connected to neuron b
 * with probability {@code C(a, b) * exp(-(D(a, b) / lambda)^2)}, D the Euclidean grid distance and
 * C one of {@code cEE, cEI, cIE, cII} by the types of a and b (Maass et al.: 0.3, 0.2, 0.4, 0.1).
 * Each input channel reaches each liquid neuron with probability {@code inputProbability}.
 *
 * <p>Weights are jumps of the synaptic current (model units, threshold {@code v_th} = 1): a synapse
 * of type XY gets {@code wXY * u} with u uniform in [0.5, 1.5); inhibitory synapses enter the LIF's
 * inhibitory channel with negative sign. Maass et al. draw weights from a Gamma distribution around
 * the same means; the uniform spread keeps the draw simple and seeded. Times are in seconds. Build
 * with {@link #builder()}.
 */
public final class LiquidParameters {
  private final int neurons;
  private final double excitatoryFraction;
  private final double lambda;
  private final double cEE;
  private final double cEI;
  private final double cIE;
  private final double cII;
  private final double wEE;
  private final double wEI;
  private final double wIE;
  private final double wII;
  private final int inputChannels;
  private final double inputProbability;
  private final double inputWeight;
  private final double dt;
  private final double tauM;
  private final double tauSynE;
  private final double tauSynI;
  private final double tRef;
  private final int delaySteps;
  private final long seed;
  private final NeuronModel neuronModel;

  private LiquidParameters(Builder b) {
    this.neurons = Checks.positive(b.neurons, "neurons");
    Checks.checkArgument(
        b.excitatoryFraction >= 0 && b.excitatoryFraction <= 1,
        "excitatory fraction must be in [0, 1], got %s",
        b.excitatoryFraction);
    this.excitatoryFraction = b.excitatoryFraction;
    this.lambda = Checks.positive(b.lambda, "lambda");
    this.cEE = probability(b.cEE, "cEE");
    this.cEI = probability(b.cEI, "cEI");
    this.cIE = probability(b.cIE, "cIE");
    this.cII = probability(b.cII, "cII");
    this.wEE = nonNegative(b.wEE, "wEE");
    this.wEI = nonNegative(b.wEI, "wEI");
    this.wIE = nonNegative(b.wIE, "wIE");
    this.wII = nonNegative(b.wII, "wII");
    this.inputChannels = Checks.positive(b.inputChannels, "inputChannels");
    this.inputProbability = probability(b.inputProbability, "inputProbability");
    this.inputWeight = nonNegative(b.inputWeight, "inputWeight");
    this.dt = Checks.positive(b.dt, "dt");
    this.tauM = Checks.positive(b.tauM, "tau_m");
    this.tauSynE = nonNegative(b.tauSynE, "tau_syn_e");
    this.tauSynI = nonNegative(b.tauSynI, "tau_syn_i");
    this.tRef = nonNegative(b.tRef, "t_ref");
    Checks.checkArgument(
        b.delaySteps >= 1 && b.delaySteps <= Short.MAX_VALUE,
        "delay must be in [1, 32767] steps, got %d",
        b.delaySteps);
    this.delaySteps = b.delaySteps;
    this.seed = b.seed;
    Checks.checkArgument(b.neuronModel != null, "the liquid needs a neuron model");
    this.neuronModel = b.neuronModel;
  }

  private static double probability(double p, String name) {
    Checks.checkArgument(p >= 0 && p <= 1, "%s must be a probability in [0, 1], got %s", name, p);
    return p;
  }

  private static double nonNegative(double v, String name) {
    Checks.checkArgument(
        v >= 0 && Double.isFinite(v), "%s must be finite and >= 0, got %s", name, v);
    return v;
  }

  /**
   * A builder with the defaults of this project's tuned liquid (see the field docs of {@link
   * Builder}).
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.neurons = neurons;
    b.excitatoryFraction = excitatoryFraction;
    b.lambda = lambda;
    b.cEE = cEE;
    b.cEI = cEI;
    b.cIE = cIE;
    b.cII = cII;
    b.wEE = wEE;
    b.wEI = wEI;
    b.wIE = wIE;
    b.wII = wII;
    b.inputChannels = inputChannels;
    b.inputProbability = inputProbability;
    b.inputWeight = inputWeight;
    b.dt = dt;
    b.tauM = tauM;
    b.tauSynE = tauSynE;
    b.tauSynI = tauSynI;
    b.tRef = tRef;
    b.delaySteps = delaySteps;
    b.seed = seed;
    b.neuronModel = neuronModel;
    return b;
  }

  public int neurons() {
    return neurons;
  }

  public double excitatoryFraction() {
    return excitatoryFraction;
  }

  public double lambda() {
    return lambda;
  }

  /** Connection constant C by presynaptic and postsynaptic type. */
  public double connectionConstant(boolean preExcitatory, boolean postExcitatory) {
    if (preExcitatory) {
      return postExcitatory ? cEE : cEI;
    }
    return postExcitatory ? cIE : cII;
  }

  /** Mean weight magnitude by presynaptic and postsynaptic type. */
  public double meanWeight(boolean preExcitatory, boolean postExcitatory) {
    if (preExcitatory) {
      return postExcitatory ? wEE : wEI;
    }
    return postExcitatory ? wIE : wII;
  }

  public int inputChannels() {
    return inputChannels;
  }

  public double inputProbability() {
    return inputProbability;
  }

  public double inputWeight() {
    return inputWeight;
  }

  public double dt() {
    return dt;
  }

  public double tauM() {
    return tauM;
  }

  public double tauSynE() {
    return tauSynE;
  }

  public double tauSynI() {
    return tauSynI;
  }

  public double tRef() {
    return tRef;
  }

  /**
   * The model of the liquid's neurons: {@code lif} by default, or any {@link NeuronModel} plugin
   * with two input channels (excitatory, inhibitory) that takes the parameters {@code tau_m},
   * {@code tau_syn_e}, {@code tau_syn_i}, {@code t_ref}, {@code v_th}, {@code v_rest} and {@code
   * v_reset}.
   */
  public NeuronModel neuronModel() {
    return neuronModel;
  }

  public int delaySteps() {
    return delaySteps;
  }

  public long seed() {
    return seed;
  }

  @Override
  public String toString() {
    return "LiquidParameters[neurons="
        + neurons
        + ", E="
        + excitatoryFraction
        + ", lambda="
        + lambda
        + ", C=("
        + cEE
        + ", "
        + cEI
        + ", "
        + cIE
        + ", "
        + cII
        + "), w=("
        + wEE
        + ", "
        + wEI
        + ", "
        + wIE
        + ", "
        + wII
        + "), inputs="
        + inputChannels
        + " x p"
        + inputProbability
        + " x w"
        + inputWeight
        + ", dt="
        + dt
        + ", tau_m="
        + tauM
        + ", tau_syn=("
        + tauSynE
        + ", "
        + tauSynI
        + "), t_ref="
        + tRef
        + ", delay="
        + delaySteps
        + ", seed="
        + seed
        + ", neuronModel="
        + neuronModel.name()
        + "]";
  }

  /** Mutable settings; every setter checks nothing until {@link #build()}. */
  public static final class Builder {
    private int neurons = 135;
    private double excitatoryFraction = 0.8;
    private double lambda = 2.0;
    private double cEE = 0.3;
    private double cEI = 0.2;
    private double cIE = 0.4;
    private double cII = 0.1;
    private double wEE = 0.5;
    private double wEI = 1.0;
    private double wIE = 1.5;
    private double wII = 1.5;
    private int inputChannels = 1;
    private double inputProbability = 0.3;
    private double inputWeight = 1.5;
    private double dt = 1e-3;
    private double tauM = 0.03;
    private double tauSynE = 0.003;
    private double tauSynI = 0.006;
    private double tRef = 0.002;
    private int delaySteps = 1;
    private long seed = 1;
    private NeuronModel neuronModel = new LeakyIntegrateAndFire();

    private Builder() {}

    public Builder neurons(int neurons) {
      this.neurons = neurons;
      return this;
    }

    public Builder excitatoryFraction(double fraction) {
      this.excitatoryFraction = fraction;
      return this;
    }

    public Builder lambda(double lambda) {
      this.lambda = lambda;
      return this;
    }

    /** Connection constants C for EE, EI, IE, II (pre then post type). */
    public Builder connectionConstants(double ee, double ei, double ie, double ii) {
      this.cEE = ee;
      this.cEI = ei;
      this.cIE = ie;
      this.cII = ii;
      return this;
    }

    /** Mean weight magnitudes for EE, EI, IE, II (pre then post type). */
    public Builder weights(double ee, double ei, double ie, double ii) {
      this.wEE = ee;
      this.wEI = ei;
      this.wIE = ie;
      this.wII = ii;
      return this;
    }

    /** Multiplies every recurrent mean weight by {@code factor}. */
    public Builder scaleRecurrentWeights(double factor) {
      this.wEE *= factor;
      this.wEI *= factor;
      this.wIE *= factor;
      this.wII *= factor;
      return this;
    }

    public Builder inputChannels(int channels) {
      this.inputChannels = channels;
      return this;
    }

    public Builder inputProbability(double p) {
      this.inputProbability = p;
      return this;
    }

    public Builder inputWeight(double w) {
      this.inputWeight = w;
      return this;
    }

    public Builder dt(double dt) {
      this.dt = dt;
      return this;
    }

    public Builder tauM(double tauM) {
      this.tauM = tauM;
      return this;
    }

    public Builder tauSyn(double excitatory, double inhibitory) {
      this.tauSynE = excitatory;
      this.tauSynI = inhibitory;
      return this;
    }

    public Builder refractoryPeriod(double tRef) {
      this.tRef = tRef;
      return this;
    }

    public Builder delaySteps(int steps) {
      this.delaySteps = steps;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The neurons' model (see {@link LiquidParameters#neuronModel()}). */
    public Builder neuronModel(NeuronModel model) {
      this.neuronModel = model;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first bad setting
     */
    public LiquidParameters build() {
      return new LiquidParameters(this);
    }
  }
}
