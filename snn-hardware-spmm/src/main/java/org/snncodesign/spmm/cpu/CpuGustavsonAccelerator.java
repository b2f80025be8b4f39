package org.snncodesign.spmm.cpu;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyBreakdown;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.energy.OperationCounts;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.hardware.WorkloadMapping;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.spmm.kernel.GustavsonSpmm;
import org.snncodesign.spmm.workload.RandomSpmmOperands;

/**
 * {@code cpu-gustavson}: the default CPU execution path for sparse spiking layers, the {@link
 * GustavsonSpmm} kernel behind the accelerator contract.
 *
 * <p>{@link #execute} computes {@code spikes x weights} and reports the adds actually performed
 * (one fp32 add per weight entry a spike selects). {@link #evaluate} is a <em>CPU estimate</em>,
 * not a hardware model, and deterministic: it counts the operations the kernel performs (on the
 * layer's measured operands, or on seeded synthetic operands with the layer's statistics) and
 * models the time as {@value #CYCLES_PER_ADD} cycles per add plus one per 64-bit spike-bitmap word
 * scanned, on one core at a nominal clock. The 2.7 cycles per add are the kernel's own
 * single-thread rate recorded in {@code docs/BENCHMARKS.md} (1.21 ms for the 1.34 M adds of a 256 x
 * 1024 spike matrix at rate 0.05 times a 1024 x 1024 weight matrix at 10 % density: 0.90 ns per
 * add, 2.7 cycles at 3 GHz). Operations are priced with the energy table: adds (compute), operand
 * reads as 32 KB-class cache reads (on-chip memory), the operands' and output's footprint once as
 * DRAM (off-chip memory). Static power is not modelled. The bottleneck is {@code memory}: the
 * kernel streams weight rows at about two thirds of the host's copy bandwidth.
 *
 * <p>{@link #withMeasuredTiming()} additionally times the kernel on this host and reports the
 * median wall time as the measurement {@code measured_seconds} (and {@code
 * measured_adds_per_second}), apart from the modelled figures: wall time varies from run to run and
 * machine to machine, so it never sets the report's cycles.
 */
public final class CpuGustavsonAccelerator implements Accelerator {
  /** Nominal core clock at which modelled cycles are counted. */
  public static final double DEFAULT_NOMINAL_CLOCK_HZ = 3.0e9;

  /**
   * Modelled cycles per add, from the kernel's recorded single-thread rate (see the class comment).
   */
  public static final double CYCLES_PER_ADD = 2.7;

  private final GustavsonSpmm kernel;
  private final double nominalClockHz;
  private final long seed;
  private final boolean measureTiming;

  /**
   * The default kernel (common pool), a 3 GHz nominal clock, seed 42 for synthetic operands, no
   * timing.
   */
  public CpuGustavsonAccelerator() {
    this(new GustavsonSpmm(), DEFAULT_NOMINAL_CLOCK_HZ, 42);
  }

  public CpuGustavsonAccelerator(GustavsonSpmm kernel, double nominalClockHz, long seed) {
    this(kernel, nominalClockHz, seed, false);
  }

  private CpuGustavsonAccelerator(
      GustavsonSpmm kernel, double nominalClockHz, long seed, boolean measureTiming) {
    Checks.checkArgument(kernel != null, "kernel must not be null");
    this.kernel = kernel;
    this.nominalClockHz = Checks.positive(nominalClockHz, "nominalClockHz");
    this.seed = seed;
    this.measureTiming = measureTiming;
  }

  /**
   * The same estimate, plus the kernel's median wall time on this host as a separate measurement.
   */
  public CpuGustavsonAccelerator withMeasuredTiming() {
    return new CpuGustavsonAccelerator(kernel, nominalClockHz, seed, true);
  }

  @Override
  public String name() {
    return "cpu-gustavson";
  }

  @Override
  public String description() {
    return "Gustavson row-wise SpMM CPU kernel (executes layers; evaluate counts its operations and models the time)";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 1);
  }

  @Override
  public boolean executes() {
    return true;
  }

  @Override
  public LayerExecution execute(SpikeRaster spikes, CsrMatrix weights) {
    Checks.checkArgument(spikes != null && weights != null, "spikes and weights must not be null");
    float[] out = new float[Math.multiplyExact(spikes.timeSteps(), weights.cols())];
    long adds = kernel.multiply(spikes, weights, out);
    OperationCounts counts = new OperationCounts();
    counts.add(Operation.ADD_FP32, adds);
    return new LayerExecution(spikes.timeSteps(), weights.cols(), out, counts);
  }

  @Override
  public WorkloadMapping mapping(Workload workload) {
    return WorkloadMapping.runs(
        "layers one after another on one core, each as spikes x CSR weights (Gustavson)");
  }

  @Override
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    double seconds = 0;
    double dramBytes = 0;
    double operandWords = 0;
    long adds = 0;
    long bitmapWords = 0;
    boolean synthetic = false;
    for (LayerWorkload layer : workload.layers()) {
      SpikeRaster spikes;
      CsrMatrix weights;
      if (layer.spikes().isPresent() && layer.weights().isPresent()) {
        spikes = layer.spikes().orElseThrow();
        weights = layer.weights().orElseThrow();
      } else {
        synthetic = true;
        spikes =
            RandomSpmmOperands.spikes(layer.timeSteps(), layer.inputs(), layer.spikeRate(), seed);
        weights =
            RandomSpmmOperands.weights(
                layer.inputs(), layer.outputs(), layer.weightDensity(), seed + 1);
      }
      float[] out = new float[Math.multiplyExact(spikes.timeSteps(), weights.cols())];
      long layerAdds = kernel.multiply(spikes, weights, out);
      if (measureTiming) {
        seconds += medianSeconds(spikes, weights, out);
      }
      adds += layerAdds;
      bitmapWords += spikes.words().length;
      // Each add reads a 4-byte index and a 4-byte value and updates a 4-byte output: 12 bytes, 1.5
      // words.
      operandWords += layerAdds * 1.5 + spikes.words().length;
      dramBytes += weights.storageBytes() + 8.0 * spikes.words().length + 4.0 * out.length;
    }
    EnergyBreakdown breakdown =
        EnergyBreakdown.builder()
            .charge(EnergyCategory.COMPUTE, "adds", energy, Operation.ADD_FP32, adds)
            .charge(
                EnergyCategory.ON_CHIP_MEMORY,
                "cache",
                energy,
                Operation.SRAM_READ_32KB,
                Math.ceil(operandWords))
            .charge(
                EnergyCategory.OFF_CHIP_MEMORY,
                "dram",
                energy,
                Operation.DRAM_ACCESS,
                Math.ceil(dramBytes / 8))
            .build();
    Map<String, String> configuration = new LinkedHashMap<>();
    configuration.put("estimate", "cpu-modelled");
    configuration.put("nominal_clock_hz", Double.toString(nominalClockHz));
    configuration.put("cycles_per_add", Double.toString(CYCLES_PER_ADD));
    configuration.put("cores", "1");
    configuration.put("operands", synthetic ? "synthetic-seed-" + seed : "measured");
    Map<String, Double> counters = new LinkedHashMap<>();
    counters.put("adds", (double) adds);
    counters.put("bitmap_words", (double) bitmapWords);
    counters.put("dram_bytes", dramBytes);
    counters.put("synthetic_operands", synthetic ? 1.0 : 0.0);
    HardwareReport.Builder report =
        HardwareReport.builder(name())
            .configuration(configuration)
            .cycles((long) Math.ceil(adds * CYCLES_PER_ADD + bitmapWords))
            .clockHz(nominalClockHz)
            .energy(breakdown)
            .energyModel(energy)
            .mapping(mapping(workload).statement())
            .resources(Map.of("cores", 1L))
            .bottleneck("memory")
            .counters(counters);
    if (measureTiming) {
      report
          .measurement("measured_seconds", seconds)
          .measurement("measured_adds_per_second", seconds > 0 ? adds / seconds : 0);
    }
    return report.build();
  }

  /**
   * Median of up to 15 timed runs after up to 5 warm-up runs, stopping early past about 0.2 s of
   * runs.
   */
  private double medianSeconds(SpikeRaster spikes, CsrMatrix weights, float[] out) {
    long budget = 200_000_000L;
    long start = System.nanoTime();
    for (int w = 0; w < 5 && System.nanoTime() - start < budget / 2; w++) {
      kernel.multiply(spikes, weights, out);
    }
    double[] times = new double[15];
    int n = 0;
    long began = System.nanoTime();
    while (n < times.length && (n < 3 || System.nanoTime() - began < budget)) {
      long t0 = System.nanoTime();
      kernel.multiply(spikes, weights, out);
      times[n++] = (System.nanoTime() - t0) * 1e-9;
    }
    Arrays.sort(times, 0, n);
    return times[n / 2];
  }
}
