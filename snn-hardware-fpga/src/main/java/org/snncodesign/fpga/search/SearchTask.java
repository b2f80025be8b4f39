package org.snncodesign.fpga.search;

import java.io.Serializable;
import java.util.Arrays;
import org.snncodesign.api.energy.StaticPower;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;

/**
 * One evaluation a {@link CoSearch} asks for, as data, so that it can run on another machine: the
 * variant of a network genome, or the report of an accelerator design on a workload. A task runs
 * against the spaces of its search ({@link SearchProblem#open()}) and gives the same result
 * wherever it runs.
 *
 * @param <R> what the task gives
 */
public sealed interface SearchTask<R extends Serializable> extends Serializable {

  /** Runs the task against {@code spaces}. */
  R run(SearchSpaces spaces);

  /** What the task evaluates, for an error message, e.g. {@code network genes [1, 0, 3, 2]}. */
  String describe();

  /**
   * The network variant one genome selects ({@link NetworkSpace#variant}).
   *
   * @param networkGenes choice index per network parameter
   */
  record Variant(int[] networkGenes) implements SearchTask<NetworkVariant> {
    public Variant {
      networkGenes = networkGenes.clone();
    }

    @Override
    public int[] networkGenes() {
      return networkGenes.clone();
    }

    @Override
    public NetworkVariant run(SearchSpaces spaces) {
      return spaces.network().variant(networkGenes.clone());
    }

    @Override
    public String describe() {
      return "network genes " + Arrays.toString(networkGenes);
    }
  }

  /**
   * The report of one accelerator design on a network variant's workload.
   *
   * @param acceleratorGenes choice index per accelerator parameter
   * @param workload what the design runs
   * @param staticPower whether the report's EDP includes static energy
   */
  record Design(int[] acceleratorGenes, Workload workload, StaticPower staticPower)
      implements SearchTask<HardwareReport> {
    public Design {
      acceleratorGenes = acceleratorGenes.clone();
    }

    @Override
    public int[] acceleratorGenes() {
      return acceleratorGenes.clone();
    }

    @Override
    public HardwareReport run(SearchSpaces spaces) {
      return spaces
          .accelerator()
          .build(acceleratorGenes.clone(), workload)
          .evaluate(workload, spaces.energy())
          .withStaticPower(staticPower);
    }

    @Override
    public String describe() {
      return "design " + Arrays.toString(acceleratorGenes) + " on " + workload.name();
    }
  }
}
