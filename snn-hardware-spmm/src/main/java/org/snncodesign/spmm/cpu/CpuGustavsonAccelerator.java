package org.snncodesign.spmm.cpu;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.Checks;
import org.snncodesign.api.energy.EnergyModel;
import org.snncodesign.api.energy.Operation;
import org.snncodesign.api.energy.OperationCounts;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerExecution;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.spmm.kernel.GustavsonSpmm;
import org.snncodesign.spmm.workload.RandomSpmmOperands;

/**
 * {@code cpu-gustavson}: the default CPU execution path for sparse spiking layers, the {@link GustavsonSpmm}
 * kernel behind the accelerator contract.
 *
 * <p>{@link #execute} computes {@code spikes x weights} and reports the adds actually performed (one fp32 add per
 * weight entry a spike selects). {@link #evaluate} is a <em>CPU estimate</em>, not a hardware model: it times the
 * kernel on this machine (on the layer's measured operands, or on seeded synthetic operands with the layer's
 * statistics), converts the median wall time to cycles at a nominal clock, and prices the measured operations with
 * the energy table (adds; operand reads as 32 KB-class cache reads; the operands' and output's footprint once as
 * DRAM). Its bottleneck is reported as {@code cpu-measured}, since wall time alone cannot tell which limit bound.
 */
public final class CpuGustavsonAccelerator implements Accelerator {
  /** Nominal core clock used to express measured time as cycles. */
  public static final double DEFAULT_NOMINAL_CLOCK_HZ = 3.0e9;

  private final GustavsonSpmm kernel;
  private final double nominalClockHz;
  private final long seed;

  /** The default kernel (common pool), a 3 GHz nominal clock, seed 42 for synthetic operands. */
  public CpuGustavsonAccelerator() {
    this(new GustavsonSpmm(), DEFAULT_NOMINAL_CLOCK_HZ, 42);
  }

  public CpuGustavsonAccelerator(GustavsonSpmm kernel, double nominalClockHz, long seed) {
    Checks.checkArgument(kernel != null, "kernel must not be null");
    this.kernel = kernel;
    this.nominalClockHz = Checks.positive(nominalClockHz, "nominalClockHz");
    this.seed = seed;
  }

  @Override
  public String name() {
    return "cpu-gustavson";
  }

  @Override
  public String description() {
    return "Gustavson row-wise SpMM CPU kernel (executes layers; evaluate is a timed CPU estimate)";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
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
  public HardwareReport evaluate(Workload workload, EnergyModel energy) {
    double seconds = 0;
    double dramBytes = 0;
    double operandWords = 0;
    long adds = 0;
    boolean synthetic = false;
    for (LayerWorkload layer : workload.layers()) {
      SpikeRaster spikes;
      CsrMatrix weights;
      if (layer.spikes().isPresent() && layer.weights().isPresent()) {
        spikes = layer.spikes().orElseThrow();
        weights = layer.weights().orElseThrow();
      } else {
        synthetic = true;
        spikes = RandomSpmmOperands.spikes(layer.timeSteps(), layer.inputs(), layer.spikeRate(), seed);
        weights = RandomSpmmOperands.weights(layer.inputs(), layer.outputs(), layer.weightDensity(), seed + 1);
      }
      float[] out = new float[Math.multiplyExact(spikes.timeSteps(), weights.cols())];
      long layerAdds = kernel.multiply(spikes, weights, out);
      seconds += medianSeconds(spikes, weights, out);
      adds += layerAdds;
      // Each add reads a 4-byte index and a 4-byte value and updates a 4-byte output: 12 bytes, 1.5 words.
      operandWords += layerAdds * 1.5 + spikes.words().length;
      dramBytes += weights.storageBytes() + 8.0 * spikes.words().length + 4.0 * out.length;
    }
    OperationCounts counts = new OperationCounts();
    counts.add(Operation.ADD_FP32, adds);
    counts.add(Operation.SRAM_READ_32KB, (long) Math.ceil(operandWords));
    counts.add(Operation.DRAM_ACCESS, (long) Math.ceil(dramBytes / 8));
    Map<String, Double> breakdown = new TreeMap<>();
    breakdown.put("adds", adds * energy.picojoules(Operation.ADD_FP32));
    breakdown.put("cache", Math.ceil(operandWords) * energy.picojoules(Operation.SRAM_READ_32KB));
    breakdown.put("dram", Math.ceil(dramBytes / 8) * energy.picojoules(Operation.DRAM_ACCESS));
    Map<String, String> configuration = new LinkedHashMap<>();
    configuration.put("estimate", "cpu-measured");
    configuration.put("nominal_clock_hz", Double.toString(nominalClockHz));
    configuration.put("threads", Integer.toString(ForkJoinPool.commonPool().getParallelism()));
    configuration.put("operands", synthetic ? "synthetic-seed-" + seed : "measured");
    Map<String, Double> counters = new TreeMap<>();
    counters.put("measured_seconds", seconds);
    counters.put("adds", (double) adds);
    counters.put("dram_bytes", dramBytes);
    counters.put("synthetic_operands", synthetic ? 1.0 : 0.0);
    counters.put("adds_per_second", seconds > 0 ? adds / seconds : 0);
    return new HardwareReport(name(), configuration, (long) Math.ceil(seconds * nominalClockHz), nominalClockHz,
        energy.picojoules(counts), breakdown, Map.of("threads",
            (long) ForkJoinPool.commonPool().getParallelism()), "cpu-measured", counters);
  }

  /** Median of up to 15 timed runs after up to 5 warm-up runs, stopping early past about 0.2 s of runs. */
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
