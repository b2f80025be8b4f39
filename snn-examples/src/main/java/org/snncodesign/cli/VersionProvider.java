package org.snncodesign.cli;

import org.snncodesign.api.ApiVersion;
import picocli.CommandLine;

/** {@code snn --version}: the CLI's version, the API version and the JVM. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = SnnCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "snn " + (version == null ? "dev" : version) + " (snn-api " + ApiVersion.CURRENT + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
