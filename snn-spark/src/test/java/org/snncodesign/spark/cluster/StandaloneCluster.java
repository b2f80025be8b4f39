package org.snncodesign.spark.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: Spark's own {@code Master} and {@code
 * Worker} classes, each in a JVM of its own started from the test class path, as {@code
 * sbin/start-master.sh} and {@code start-worker.sh} would. Executors are JVMs the workers start,
 * with the test class path (so they find the test steps) as {@code spark.executor.extraClassPath}.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final String HOST = "127.0.0.1";

  private final Path folder;
  private final Process master;
  private final int port;
  private final int webPort;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path folder, Process master, int port, int webPort) {
    this.folder = folder;
    this.master = master;
    this.port = port;
    this.webPort = webPort;
  }

  /** Starts a master (no workers yet) with its files under {@code folder}. */
  static StandaloneCluster start(Path folder) throws IOException, InterruptedException {
    // SPARK_HOME/jars must exist for a worker to build an executor's command; the classes come from
    // the class path.
    Files.createDirectories(folder.resolve("home/jars"));
    int port = freePort();
    int webPort = freePort();
    Process master =
        launch(
            folder,
            "master",
            List.of(
                "org.apache.spark.deploy.master.Master",
                "--host",
                HOST,
                "--port",
                "" + port,
                "--webui-port",
                "" + webPort));
    StandaloneCluster cluster = new StandaloneCluster(folder, master, port, webPort);
    cluster.awaitPort(port);
    return cluster;
  }

  /** The master's URL. */
  String url() {
    return "spark://" + HOST + ":" + port;
  }

  /** The settings a driver of this cluster needs. */
  Map<String, String> driverSettings() {
    return Map.of(
        "spark.executor.extraClassPath",
        System.getProperty("java.class.path"),
        "spark.driver.host",
        HOST,
        "spark.driver.bindAddress",
        HOST,
        "spark.executor.memory",
        "512m");
  }

  /** Starts a worker with two cores and waits until the master counts it alive. */
  Process startWorker(String name) throws IOException, InterruptedException {
    int alive = aliveWorkers();
    Path work = Files.createDirectories(folder.resolve("work-" + name));
    Process worker =
        launch(
            folder,
            "worker-" + name,
            List.of(
                "org.apache.spark.deploy.worker.Worker",
                "--host",
                HOST,
                "--cores",
                "2",
                "--memory",
                "1g",
                "--work-dir",
                work.toString(),
                "--webui-port",
                "" + freePort(),
                url()));
    workers.add(worker);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (aliveWorkers() <= alive) {
      if (System.nanoTime() > deadline || !worker.isAlive()) {
        throw new IllegalStateException("worker " + name + " did not register; see " + folder);
      }
      Thread.sleep(200);
    }
    return worker;
  }

  /** Kills a worker and the executors it started, as a machine that dies would. */
  static void kill(Process worker) throws InterruptedException {
    List<ProcessHandle> executors = worker.descendants().toList();
    worker.destroyForcibly();
    executors.forEach(ProcessHandle::destroyForcibly);
    worker.waitFor();
  }

  /** Kills every worker started so far. */
  void stopWorkers() throws InterruptedException {
    for (Process worker : workers) {
      kill(worker);
    }
    workers.clear();
  }

  @Override
  public void close() throws InterruptedException {
    stopWorkers();
    master.destroyForcibly().waitFor();
  }

  private int aliveWorkers() throws InterruptedException {
    try {
      HttpResponse<String> json =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + webPort + "/json/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json.body());
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private void awaitPort(int p) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(HOST, p), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the Spark master did not open port " + p + "; see " + folder);
  }

  private static Process launch(Path folder, String name, List<String> mainAndArguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java"));
    // The --add-opens Spark needs on Java 17, as this test JVM got them from surefire's argLine.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("-XX:+IgnoreUnrecognized")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty"))
        .forEach(command::add);
    // A short worker timeout (workers heartbeat every quarter of it): the master notices a killed
    // worker in
    // seconds instead of a minute.
    command.addAll(
        List.of(
            "-Xmx256m", "-Dspark.worker.timeout=4", "-cp", System.getProperty("java.class.path")));
    command.addAll(mainAndArguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", folder.resolve("home").toString());
    builder.environment().put("SPARK_LOCAL_IP", HOST);
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    return builder.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
