package org.snncodesign.flow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.Checks;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.fpga.firefly.FireFlyConfig;
import org.snncodesign.fpga.firefly.FireFlySArray;
import org.snncodesign.spmm.cpu.CpuGustavsonAccelerator;

/**
 * The accelerator plugins a comparison prices, looked up by name (all found, when no name is
 * given), with the designs a comparison may set: the {@code firefly-s} design (static power, clock)
 * and whether {@code cpu-gustavson} also times its kernel on this host.
 *
 * <pre>{@code
 * AcceleratorLineup.Lineup lineup = new AcceleratorLineup(List.of("firefly-s", "spikex"), FireFlyConfig.DEFAULT,
 *     false).resolve(PluginRegistry.discover());
 * }</pre>
 *
 * @param names plugin names in table order, short names allowed ({@link #SHORT_NAMES}); empty for
 *     every plugin
 * @param fireFly the design {@code firefly-s} is priced at
 * @param measuredCpuTiming whether {@code cpu-gustavson} also reports its kernel's wall time on
 *     this host
 */
public record AcceleratorLineup(
    List<String> names, FireFlyConfig fireFly, boolean measuredCpuTiming) {
  /** Short names the paper-level vocabulary uses for plugins with longer names. */
  public static final Map<String, String> SHORT_NAMES = Map.of("spikex", "spikex-systolic");

  /** Copies the names and checks that a design is given. */
  public AcceleratorLineup {
    names = List.copyOf(names);
    Checks.checkArgument(fireFly != null, "the firefly-s design must be given");
  }

  /**
   * The accelerators resolved, in order, and the {@code firefly-s} design when that model is among
   * them.
   *
   * @param accelerators the plugins, configured as the lineup says
   * @param fireFly the {@code firefly-s} design, present when it is listed
   */
  public record Lineup(List<Accelerator> accelerators, Optional<FireFlyConfig> fireFly) {
    /** Copies the list. */
    public Lineup {
      accelerators = List.copyOf(accelerators);
    }
  }

  /** The plugin name a short name stands for, or {@code name} itself. */
  public static String pluginName(String name) {
    return SHORT_NAMES.getOrDefault(name, name);
  }

  /**
   * Looks the plugins up in {@code registry} and sets their designs.
   *
   * @throws org.snncodesign.api.SnnException naming an unknown plugin
   */
  public Lineup resolve(PluginRegistry registry) {
    List<Accelerator> found = new ArrayList<>();
    if (names.isEmpty()) {
      found.addAll(registry.providers(Accelerator.class));
    } else {
      for (String name : names) {
        found.add(registry.require(Accelerator.class, pluginName(name)));
      }
    }
    boolean fireFlyListed = false;
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i) instanceof FireFlySArray) {
        fireFlyListed = true;
        found.set(i, new FireFlySArray(fireFly));
      } else if (measuredCpuTiming && found.get(i) instanceof CpuGustavsonAccelerator cpu) {
        found.set(i, cpu.withMeasuredTiming());
      }
    }
    return new Lineup(found, fireFlyListed ? Optional.of(fireFly) : Optional.empty());
  }
}
