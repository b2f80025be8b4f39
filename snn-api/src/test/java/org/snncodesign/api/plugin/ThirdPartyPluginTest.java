package org.snncodesign.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.energy.EnergyCategory;
import org.snncodesign.api.energy.EnergyTable;
import org.snncodesign.api.hardware.Accelerator;
import org.snncodesign.api.hardware.HardwareReport;
import org.snncodesign.api.hardware.LayerWorkload;
import org.snncodesign.api.hardware.Workload;

@DisplayName("Plugins built outside the reactor")
class ThirdPartyPluginTest {
  private static final Path SAMPLE = Path.of("..", "examples", "third-party-plugin", "src", "main");

  @TempDir static Path work;
  private static Path goodJar;
  private static Path brokenJar;

  @BeforeAll
  static void buildJars() throws Exception {
    assumeThat(SAMPLE).as("sample plugin sources under examples/third-party-plugin").isDirectory();
    goodJar =
        PluginJarBuilder.build(
            SAMPLE.resolve("java"),
            SAMPLE.resolve("resources"),
            Files.createDirectories(work.resolve("good")),
            work.resolve("mac-array-plugin.jar"));
    Path broken =
        PluginJarBuilder.writeTree(
            work.resolve("broken-src"),
            Map.of(
                "com/example/broken/ExplodingAccelerator.java",
                    acceleratorSource(
                        "ExplodingAccelerator",
                        "public ExplodingAccelerator() { throw new IllegalStateException(\"licence file missing\"); }",
                        "1, 0"),
                "com/example/broken/FutureAccelerator.java",
                    acceleratorSource("FutureAccelerator", "", "2, 0")));
    Path brokenResources =
        PluginJarBuilder.writeTree(
            work.resolve("broken-res"),
            Map.of(
                "META-INF/services/org.snncodesign.api.hardware.Accelerator",
                "com.example.broken.ExplodingAccelerator\ncom.example.broken.NoSuchClass\ncom.example.broken.FutureAccelerator\n"));
    brokenJar =
        PluginJarBuilder.build(
            broken,
            brokenResources,
            Files.createDirectories(work.resolve("bad")),
            work.resolve("broken-plugins.jar"));
  }

  private static String acceleratorSource(String name, String constructor, String apiVersion) {
    return "package com.example.broken;\n"
        + "import org.snncodesign.api.*; import org.snncodesign.api.energy.*; import org.snncodesign.api.hardware.*;\n"
        + "public final class "
        + name
        + " implements Accelerator {\n"
        + constructor
        + "\n"
        + "public String name() { return \""
        + name.toLowerCase()
        + "\"; }\n"
        + "public String description() { return \"test fixture\"; }\n"
        + "public ApiVersion apiVersion() { return new ApiVersion("
        + apiVersion
        + "); }\n"
        + "public HardwareReport evaluate(Workload w, EnergyModel e) { throw new UnsupportedOperationException(); }\n"
        + "}\n";
  }

  private static PluginRegistry discover(Path... jars) throws Exception {
    URL[] urls = new URL[jars.length];
    for (int i = 0; i < jars.length; i++) {
      urls[i] = jars[i].toUri().toURL();
    }
    return PluginRegistry.discover(
        new URLClassLoader(urls, ThirdPartyPluginTest.class.getClassLoader()));
  }

  @Test
  @DisplayName("a plugin jar put on the class path is discovered with its name, version and jar")
  void discoversThirdPartyJar() throws Exception {
    PluginRegistry registry = discover(goodJar);

    PluginDescriptor found = registry.all().get(0);
    assertThat(registry.all()).hasSize(1);
    assertThat(found.kind()).isEqualTo(PluginKind.ACCELERATOR);
    assertThat(found.name()).isEqualTo("example-dense-mac");
    assertThat(found.version()).isEqualTo("1.0.0");
    assertThat(found.apiVersion()).isEqualTo("1.1");
    assertThat(found.source()).endsWith("mac-array-plugin.jar");
    assertThat(found.status()).isEqualTo(PluginDescriptor.Status.LOADED);
  }

  @Test
  @DisplayName("a discovered third-party accelerator evaluates a workload")
  void thirdPartyAcceleratorWorks() throws Exception {
    Accelerator accelerator = discover(goodJar).require(Accelerator.class, "example-dense-mac");

    HardwareReport report =
        accelerator.evaluate(
            new Workload(
                "one layer", List.of(LayerWorkload.ofStatistics("fc", 4, 64, 32, 0.1, 1.0, 8))),
            EnergyTable.HOROWITZ_45NM);

    // 4 steps x 64 x 32 MACs on 256 units = 32 cycles
    assertThat(report.cycles()).isEqualTo(32);
    assertThat(report.energyPicojoules()).isGreaterThan(0);
    assertThat(report.energy().chargedCategories())
        .containsExactly(EnergyCategory.COMPUTE, EnergyCategory.OFF_CHIP_MEMORY);
  }

  @Test
  @DisplayName("broken providers are reported and the healthy jar beside them still loads")
  void brokenProvidersDoNotStopOthers() throws Exception {
    PluginRegistry registry = discover(brokenJar, goodJar);

    assertThat(registry.providers(Accelerator.class))
        .extracting(Accelerator::name)
        .containsExactly("example-dense-mac");
    assertThat(registry.problems()).hasSize(3);
    assertThat(registry.problems())
        .anySatisfy(
            p -> {
              assertThat(p.status()).isEqualTo(PluginDescriptor.Status.FAILED);
              assertThat(p.className()).isEqualTo("com.example.broken.ExplodingAccelerator");
              assertThat(p.problem().orElseThrow()).contains("licence file missing");
            });
    assertThat(registry.problems())
        .anySatisfy(
            p -> {
              assertThat(p.status()).isEqualTo(PluginDescriptor.Status.FAILED);
              assertThat(p.problem().orElseThrow()).contains("com.example.broken.NoSuchClass");
            });
  }

  @Test
  @DisplayName(
      "a plugin built for another API major version is refused naming plugin, jar and both versions")
  void incompatibleApiIsRefused() throws Exception {
    PluginRegistry registry = discover(brokenJar);

    PluginDescriptor future =
        registry.all().stream()
            .filter(d -> d.status() == PluginDescriptor.Status.INCOMPATIBLE)
            .findFirst()
            .orElseThrow();
    assertThat(future.name()).isEqualTo("futureaccelerator");
    assertThat(future.problem().orElseThrow())
        .contains(
            "futureaccelerator",
            "broken-plugins.jar",
            "snn-api 2.0",
            "snn-api " + ApiVersion.CURRENT);
    assertThat(registry.find(Accelerator.class, "futureaccelerator")).isEmpty();
  }

  @Test
  @DisplayName(
      "a data-set plugin named like a built-in data set is refused naming plugin, jar and name;"
          + " one of another name beside it loads")
  void builtInDatasetNameIsRefused() throws Exception {
    Map<String, String> sources = new java.util.HashMap<>();
    StringBuilder services = new StringBuilder();
    for (String name : List.of("mnist", "IDX:kmnist", "my-format")) {
      String type = "Named" + Math.abs(name.hashCode());
      sources.put(
          "com/example/named/" + type + ".java",
          "package com.example.named;\n"
              + "import java.nio.file.Path; import org.snncodesign.api.dataset.*;\n"
              + "public final class "
              + type
              + " implements DatasetProvider {\n"
              + "public String name() { return \""
              + name
              + "\"; }\n"
              + "public String description() { return \"test fixture\"; }\n"
              + "public boolean accepts(Path p) { return false; }\n"
              + "public LabeledDataset load(Path p) { throw new UnsupportedOperationException(); }\n"
              + "}\n");
      services.append("com.example.named.").append(type).append('\n');
    }
    Path jar =
        PluginJarBuilder.build(
            PluginJarBuilder.writeTree(work.resolve("named-src"), sources),
            PluginJarBuilder.writeTree(
                work.resolve("named-res"),
                Map.of(
                    "META-INF/services/org.snncodesign.api.dataset.DatasetProvider",
                    services.toString())),
            Files.createDirectories(work.resolve("named")),
            work.resolve("named-datasets.jar"));

    PluginRegistry registry = discover(jar);

    assertThat(registry.providers(DatasetProvider.class))
        .extracting(DatasetProvider::name)
        .containsExactly("my-format");
    assertThat(registry.problems())
        .extracting(PluginDescriptor::name)
        .containsExactlyInAnyOrder("mnist", "IDX:kmnist");
    PluginDescriptor mnist = registry.problems().get(0);
    assertThat(mnist.status()).isEqualTo(PluginDescriptor.Status.INCOMPATIBLE);
    assertThat(mnist.problem().orElseThrow())
        .startsWith("data-set plugin 'mnist' (com.example.named.")
        .contains("named-datasets.jar", "has the name of a built-in data set", "--dataset mnist")
        .endsWith("refused, rename it");
  }
}
