package org.snncodesign.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the Spark session of an snn-spark command: embedded ({@code local[*]}) unless a master is
 * given or {@code spark-submit} set one, with the web UI off unless asked for. On a cluster the jar
 * this class came from is shipped to the executors, so that they find the steps and the flow.
 */
public final class SparkSessions {
  /** The master when none is given: every core of this machine, in this JVM. */
  public static final String EMBEDDED = "local[*]";

  private SparkSessions() {}

  /**
   * A session named {@code appName}.
   *
   * @param master a Spark master URL ({@code local[N]}, {@code spark://HOST:7077}, ...), or {@code
   *     null} for the one {@code spark-submit} gave, else {@link #EMBEDDED}
   * @param settings further Spark settings ({@code --conf key=value}), applied last
   */
  public static SparkSession open(String appName, String master, Map<String, String> settings) {
    // Reads spark.* system properties, which is how spark-submit passes its --master and --conf.
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(EMBEDDED);
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) {
      applicationJar().ifPresent(jar -> conf.set("spark.jars", jar.toString()));
    }
    settings.forEach(conf::set);
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /**
   * The jar this class was loaded from, when it was loaded from a jar (not from a classes folder).
   */
  static Optional<Path> applicationJar() {
    try {
      Path source =
          Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(source) ? Optional.of(source) : Optional.empty();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
