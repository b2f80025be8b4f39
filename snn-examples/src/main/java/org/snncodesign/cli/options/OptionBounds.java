package org.snncodesign.cli.options;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The range of every numeric option, by option name (the same name means the same kind of value in
 * every command), the names some options accept, and the memory estimates of the size options;
 * checked on the parsed values before a command runs, so a bad value ends in one line naming the
 * option, the value and what is accepted.
 */
public final class OptionBounds {
  private static final Range BITS =
      new Range(0, false, 8, false, "0 (float) or a bit width up to 8");
  private static final Range PERCENTAGE_POINTS =
      new Range(0, false, 100, false, "in [0, 100] percentage points");
  private static final Range BETA = new Range(0, true, 1, false, "in (0, 1] (1 = IF neurons)");

  private static final Map<String, Range> RANGES =
      Map.ofEntries(
          Map.entry("--batch", Range.COUNT),
          Map.entry("--bins", Range.COUNT),
          Map.entry("--epochs", Range.COUNT),
          Map.entry("--inputs", Range.COUNT),
          Map.entry("--lanes", Range.COUNT),
          Map.entry("--liquid", Range.COUNT),
          Map.entry("--logistic-iterations", Range.COUNT),
          Map.entry("--limit", Range.COUNT),
          Map.entry("--octaves", Range.COUNT),
          Map.entry("--outputs", Range.COUNT),
          Map.entry("--population", Range.COUNT),
          Map.entry("--progress-every", Range.COUNT),
          Map.entry("--rate-steps", Range.COUNT),
          Map.entry("--repeats", Range.COUNT),
          Map.entry("--rows", Range.COUNT),
          Map.entry("--cols", Range.COUNT),
          Map.entry("--columns", Range.COUNT),
          Map.entry("--samples", Range.COUNT),
          Map.entry("--seeds", Range.COUNT),
          Map.entry("--steps", Range.COUNT),
          Map.entry("--test-samples", Range.COUNT),
          Map.entry("--timesteps", Range.COUNT),
          Map.entry("--train-samples", Range.COUNT),
          Map.entry("--vectors", Range.COUNT),
          Map.entry("--threads", Range.COUNT),
          Map.entry("--weight-bits", Range.COUNT),
          Map.entry("--acc-bits", Range.COUNT),
          Map.entry("--afferents", Range.COUNT),
          Map.entry("--regrow-every", Range.COUNT),
          Map.entry("--width", Range.COUNT),
          Map.entry("--scale", Range.POSITIVE),
          Map.entry("--index", Range.NON_NEGATIVE),
          Map.entry("--warmup", Range.NON_NEGATIVE),
          Map.entry("--fine-tune-epochs", Range.NON_NEGATIVE),
          Map.entry("--generations", Range.NON_NEGATIVE),
          Map.entry("--random", Range.NON_NEGATIVE),
          Map.entry("--rounds", Range.COUNT),
          Map.entry("--max-samples", Range.NON_NEGATIVE),
          Map.entry("--tail", Range.NON_NEGATIVE),
          Map.entry("--inhibitory-afferents", Range.NON_NEGATIVE),
          Map.entry("--bits", BITS),
          Map.entry("--dt", Range.POSITIVE),
          Map.entry("--duration", Range.POSITIVE),
          Map.entry("--seconds", Range.POSITIVE),
          Map.entry("--clock-hz", Range.POSITIVE),
          Map.entry("--lr", Range.POSITIVE),
          Map.entry("--threshold", Range.POSITIVE),
          Map.entry("--trace-tau", Range.POSITIVE),
          Map.entry("--eta", Range.POSITIVE),
          Map.entry("--fpga-energy-factor", Range.POSITIVE),
          Map.entry("--input-scale", Range.POSITIVE),
          Map.entry("--beta", BETA),
          Map.entry("--keep", Range.SHARE),
          Map.entry("--prune", Range.SHARE),
          Map.entry("--weight-density", Range.SHARE),
          Map.entry("--sparsity", Range.LEAVES_SOME),
          Map.entry("--spike-rate", Range.FRACTION),
          Map.entry("--input-rate", Range.FRACTION),
          Map.entry("--output-rate", Range.FRACTION),
          Map.entry("--teacher-density", Range.FRACTION),
          Map.entry("--regrow-share", Range.FRACTION),
          Map.entry("--max-accuracy-drop", PERCENTAGE_POINTS),
          Map.entry("--prune-until", Range.FRACTION),
          Map.entry("--regrow-until", Range.FRACTION),
          Map.entry("--static-power-w", Range.NON_NEGATIVE),
          Map.entry("--tolerance", Range.NON_NEGATIVE),
          Map.entry("--inhibitory-balance", Range.NON_NEGATIVE));

  /**
   * A choice ending in this stands for its prefix followed by any non-empty name ({@code
   * idx:NAME}).
   */
  private static final String ANY_NAME = "NAME";

  /**
   * Names an option accepts in one command, where the command would otherwise ignore an unknown one
   * (a data set used only when a network is trained, or only as a label).
   */
  private static final Map<String, List<String>> NAMES =
      Map.of(
          "snn convert --dataset", List.of("mnist", "fashion-mnist", "idx:" + ANY_NAME, "digits"),
          "snn hw evaluate --dataset",
              List.of("digits", "mnist", "fashion-mnist", "idx:" + ANY_NAME),
          "snn hw search --dataset",
              List.of("digits", "mnist", "fashion-mnist", "idx:" + ANY_NAME));

  /**
   * Upper estimates of what the size options cost, from the data structures each command allocates
   * per unit (measured or read off the code; they err high so that a refusal is never a run that
   * would have fitted).
   */
  private static final List<MemoryEstimate> ESTIMATES =
      List.of(
          // Liquid states kept for the readout: samples (1797 digits) x 4 bins x 8 bytes per
          // neuron.
          new MemoryEstimate("snn lsm", List.of("--liquid"), 1797 * 4 * 8.0),
          new MemoryEstimate("snn lsm hardware", List.of("--liquid"), 1797 * 4 * 8.0),
          // RTL text, netlist and simulation state per PE of the array.
          new MemoryEstimate("snn hw verilog", List.of("--rows", "--cols"), 4096),
          // One stimulus and its expected response per vector, kept for the testbench.
          new MemoryEstimate("snn hw verilog", List.of("--vectors"), 256),
          // Each design's report (per-layer costs, resources) is kept for the Pareto front.
          new MemoryEstimate("snn hw search", List.of("--population"), 64 * 1024),
          new MemoryEstimate("snn hw search", List.of("--random"), 64 * 1024),
          // BPTT buffers (membrane, spikes and their gradients) per time step for a network of
          // about a thousand
          // neurons on four workers.
          new MemoryEstimate("snn train", List.of("--timesteps"), 64 * 1024),
          // Spike trains of the synthetic workload: steps x samples x neurons, with the layer
          // workloads.
          new MemoryEstimate("snn hw evaluate", List.of("--steps"), 32 * 1024),
          // The dense baseline holds K x M float weights (and the CSR copy beside them).
          new MemoryEstimate("snn spmm", List.of("--inputs", "--outputs"), 12),
          new MemoryEstimate("snn bench spmm", List.of("--inputs", "--outputs"), 12));

  private OptionBounds() {}

  /** The range of values option {@code name} accepts, when it has one. */
  public static Optional<Range> range(String name) {
    return Optional.ofNullable(RANGES.get(name));
  }

  /** The values of an option: itself, or the elements of a list or array option. */
  private static Collection<?> elements(Object value) {
    if (value instanceof Collection<?> list) {
      return list;
    }
    if (value.getClass().isArray()) {
      List<Object> elements = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        elements.add(Array.get(value, i));
      }
      return elements;
    }
    return List.of(value);
  }

  /**
   * Checks every numeric option of the command about to run against its range, the named options
   * against their choices, and every size against the memory of this JVM.
   *
   * @throws ParameterException naming the option, its value and the accepted range, choices or the
   *     memory needed
   */
  public static void check(CommandLine command) {
    checkRanges(command);
    checkNames(command);
    checkMemory(command);
  }

  private static void checkRanges(CommandLine command) {
    for (OptionSpec option : command.getCommandSpec().options()) {
      Range range = RANGES.get(option.longestName());
      Object value = option.getValue();
      if (range == null || value == null) {
        continue;
      }
      for (Object element : elements(value)) {
        if (element instanceof Number number && !range.contains(number.doubleValue())) {
          throw new ParameterException(
              command, option.longestName() + " must be " + range.what() + ", got " + element);
        }
      }
    }
  }

  private static void checkNames(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    for (OptionSpec option : spec.options()) {
      List<String> names = NAMES.get(spec.qualifiedName() + " " + option.longestName());
      if (names != null && option.getValue() instanceof String name && !accepts(names, name)) {
        throw new ParameterException(
            command,
            option.longestName()
                + " "
                + name
                + " is not known; choose one of "
                + String.join(", ", names));
      }
    }
  }

  private static boolean accepts(List<String> names, String name) {
    for (String choice : names) {
      if (choice.equals(name)
          || choice.endsWith(ANY_NAME)
              && name.length() > choice.length() - ANY_NAME.length()
              && name.startsWith(choice.substring(0, choice.length() - ANY_NAME.length()))) {
        return true;
      }
    }
    return false;
  }

  private static void checkMemory(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    long limit = Runtime.getRuntime().maxMemory();
    for (MemoryEstimate estimate : ESTIMATES) {
      if (!estimate.command().equals(spec.qualifiedName())) {
        continue;
      }
      double bytes = estimate.bytesPerUnit();
      StringBuilder sizes = new StringBuilder();
      for (String name : estimate.options()) {
        OptionSpec option = spec.findOption(name);
        if (option == null || !(option.getValue() instanceof Number number)) {
          bytes = 0;
          break;
        }
        bytes *= number.doubleValue();
        sizes.append(sizes.length() == 0 ? "" : " x ").append(name).append(' ').append(number);
      }
      if (bytes > limit) {
        throw new ParameterException(
            command,
            sizes
                + " needs about "
                + MemoryEstimate.humanBytes(bytes)
                + ", the JVM has "
                + MemoryEstimate.humanBytes(limit)
                + "; choose a smaller size or give java more "
                + "memory (-Xmx)");
      }
    }
  }
}
