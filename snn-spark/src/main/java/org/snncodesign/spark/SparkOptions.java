package org.snncodesign.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The options every snn-spark command starts its Spark session with: the master and settings. */
public final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master, e.g. spark://HOST:7077 or local[2] (default: the one spark-submit gives, else "
              + "local[*], embedded).")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "A Spark setting (repeatable), as spark-submit's.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** The session these options describe, named {@code appName} ({@link SparkSessions#open}). */
  public SparkSession open(String appName) {
    return SparkSessions.open(appName, master, settings);
  }
}
