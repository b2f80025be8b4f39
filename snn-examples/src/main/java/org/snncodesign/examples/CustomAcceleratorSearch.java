package org.snncodesign.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.Workload;
import org.snncodesign.api.plugin.PluginJars;
import org.snncodesign.api.plugin.PluginRegistry;
import org.snncodesign.flow.measure.MeasuredRun;
import org.snncodesign.flow.search.CoDesignSearch;
import org.snncodesign.flow.training.DigitsDemoNetwork;
import org.snncodesign.fpga.search.SearchResult;
import org.snncodesign.fpga.search.SearchSettings;

/**
 * A third-party accelerator (a plugin jar, such as the one examples/third-party-plugin builds)
 * prices the trained digits network next to the built-in models, and the co-design search explores
 * the design space the plugin declares for the least energy-delay product under a Zynq-7020's
 * resources.
 *
 * <pre>
 * java -cp snn-examples/target/snn.jar org.snncodesign.examples.CustomAcceleratorSearch PLUGIN_FOLDER [NAME]
 * </pre>
 */
public final class CustomAcceleratorSearch {
  private CustomAcceleratorSearch() {}

  /**
   * Runs the example.
   *
   * @param args the folder of plugin jars, then the accelerator's name (default {@code
   *     example-dense-mac})
   */
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: CustomAcceleratorSearch PLUGIN_DIR [ACCELERATOR]");
      System.exit(2);
    }
    String name = args.length > 1 ? args[1] : "example-dense-mac";
    // The plugin jars load as snn --plugins DIR loads them: in a class loader of their own, found
    // by name.
    PluginRegistry registry =
        PluginRegistry.discover(
            PluginJars.loader(
                List.of(Path.of(args[0])), CustomAcceleratorSearch.class.getClassLoader()));

    DigitsDemoNetwork trained = DigitsDemoNetwork.train(1, System.err);
    Workload workload =
        MeasuredRun.of(trained.network(), trained.data().testSet())
            .meanInference(MeasuredRun.FirstLayer.BIT_PLANES);
    for (Accelerator accelerator : registry.providers(Accelerator.class)) {
      if (accelerator.mapping(workload).supported()) {
        HardwareReport report = accelerator.evaluate(workload, EnergyTable.HOROWITZ_45NM);
        System.out.printf(
            "%-18s %,12d cycles %12.4e pJ %12.4e J s%n",
            report.accelerator(),
            report.cycles(),
            report.energyPicojoules(),
            report.energyDelayProduct());
      }
    }

    // Search the plugin's own design space (Accelerator.designSpace()) against its default design.
    CoDesignSearch search =
        new CoDesignSearch(
            CoDesignSearch.Settings.builder()
                .accelerator(name)
                .budget("zynq-7020")
                .search(SearchSettings.QUICK)
                .build(),
            registry,
            new PrintStream(PrintStream.nullOutputStream()));
    SearchResult result = search.acceleratorOnly(workload);
    System.out.printf(
        "%s: %d designs searched, best %s, EDP %.2fx lower than the default %s%n",
        name,
        result.evaluated().size(),
        result.best().report().configuration(),
        result.edpReduction(),
        result.baseline().configuration());
  }
}
