package org.snncodesign.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelSource2;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's build that imports snn-bom manages our modules and nothing else. The sample projects
 * under examples/ are such builds; Maven's own model builder computes their effective POM here,
 * offline, with snn-bom taken from this checkout (any other POM it asked for would fail the test).
 */
class BomConsumerTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @ParameterizedTest(name = "examples/{0}")
  @ValueSource(
      strings = {"quickstart", "third-party-plugin", "third-party-neuron", "third-party-dataset"})
  @DisplayName(
      "a sample project importing snn-bom manages exactly the reactor's modules, all org.snncodesign")
  void managesOnlyOurModules(String example) throws Exception {
    Model effective = effectiveModel(ROOT.resolve("examples").resolve(example).resolve("pom.xml"));

    List<Dependency> managed = effective.getDependencyManagement().getDependencies();
    assertThat(managed).extracting(Dependency::getGroupId).containsOnly("org.snncodesign");
    assertThat(managed)
        .extracting(Dependency::getArtifactId)
        .containsExactlyInAnyOrderElementsOf(libraryModules());
    assertThat(managed)
        .allSatisfy(dependency -> assertThat(dependency.getVersion()).doesNotContain("${"));
  }

  /**
   * The reactor's modules that are published as jars: every module of the root POM but the BOM
   * itself.
   */
  private static List<String> libraryModules() throws Exception {
    try (Reader pom = Files.newBufferedReader(ROOT.resolve("pom.xml"))) {
      Model root = new MavenXpp3Reader().read(pom);
      return root.getModules().stream().filter(module -> !module.equals("snn-bom")).toList();
    }
  }

  private static Model effectiveModel(Path pom) throws Exception {
    DefaultModelBuildingRequest request =
        new DefaultModelBuildingRequest()
            .setPomFile(pom.toFile())
            .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
            .setProcessPlugins(false)
            .setSystemProperties(System.getProperties())
            .setModelResolver(new CheckoutOnly());
    return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
  }

  /** Resolves snn-bom from this checkout and refuses every other POM. */
  private static final class CheckoutOnly implements ModelResolver {
    @Override
    public ModelSource2 resolveModel(String groupId, String artifactId, String version)
        throws UnresolvableModelException {
      if (groupId.equals("org.snncodesign") && artifactId.equals("snn-bom")) {
        return new FileModelSource(new File(ROOT.toFile(), "snn-bom/pom.xml"));
      }
      throw new UnresolvableModelException(
          "only snn-bom is available to the consumer", groupId, artifactId, version);
    }

    @Override
    public ModelSource2 resolveModel(Parent parent) throws UnresolvableModelException {
      return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
    }

    @Override
    public ModelSource2 resolveModel(Dependency dependency) throws UnresolvableModelException {
      return resolveModel(
          dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
    }

    @Override
    public void addRepository(Repository repository) {}

    @Override
    public void addRepository(Repository repository, boolean replace) {}

    @Override
    public ModelResolver newCopy() {
      return this;
    }
  }
}
