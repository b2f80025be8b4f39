package org.snncodesign.spark.sweep;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.flow.sweep.SweepStep;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep on Spark: every point not yet in the output folder as one Spark task, each result
 * written to the folder's {@link PointStore} the moment the driver receives it, then the table
 * ({@code results.csv}, {@code results.parquet}), the summary across seeds ({@code summary.csv})
 * and, when the sweep names two objectives, {@code pareto.png}.
 *
 * <p>A failed point is a row with its error, never a failed job. A task lost with its executor is
 * re-run by Spark's scheduler (an executor loss does not count against {@code
 * spark.task.maxFailures}). A sweep stopped in any way keeps every point already received; {@code
 * resume} runs only the points without a result.
 */
public final class SparkSweep {
  private final SparkSession spark;
  private final Consumer<String> progress;

  /**
   * A sweep runner on {@code spark}.
   *
   * @param progress told one line per finished point
   */
  public SparkSweep(SparkSession spark, Consumer<String> progress) {
    this.spark = spark;
    this.progress = progress;
  }

  /**
   * What a run did.
   *
   * @param points points of the sweep
   * @param ran points run now
   * @param skipped points whose result was already in the folder
   * @param failed points of the table that failed
   * @param runSeconds wall time of running the points (not of writing the table)
   * @param table the assembled table
   */
  public record Outcome(
      int points, int ran, int skipped, int failed, double runSeconds, SweepTable table) {}

  /**
   * Runs {@code sweep} into {@code out}.
   *
   * @param resume whether results already in {@code out} are kept and their points skipped; without
   *     it, a folder with results is refused rather than mixed with a new run
   */
  public Outcome run(SweepFile sweep, Path out, boolean resume) throws IOException {
    SweepStep.named(sweep.step());
    List<SweepPoint> points = sweep.points();
    PointStore store = new PointStore(out.resolve("points"));
    Map<String, PointResult> done = store.readAll();
    if (!resume && !done.isEmpty()) {
      throw new InvalidInputException(
          out
              + " already holds "
              + done.size()
              + " point results: give --resume to "
              + "run only the missing points, or another output folder");
    }
    List<SweepPoint> todo = points.stream().filter(p -> !done.containsKey(p.key())).toList();
    progress.accept(
        String.format(
            Locale.ROOT,
            "sweep %s: %d points, %d to run, %d already done, on %s",
            sweep.step(),
            points.size(),
            todo.size(),
            points.size() - todo.size(),
            spark.sparkContext().master()));
    long start = System.nanoTime();
    if (!todo.isEmpty()) {
      distribute(
          todo,
          result -> {
            store.write(result);
            done.put(result.point().key(), result);
            progress.accept(
                String.format(
                    Locale.ROOT,
                    "point %d (seed %d) %s in %.2f s%s",
                    result.point().index(),
                    result.point().seed(),
                    result.succeeded() ? "ok" : "FAILED",
                    result.seconds(),
                    result.succeeded() ? "" : ": " + result.error()));
          });
    }
    double runSeconds = (System.nanoTime() - start) / 1e9;
    List<PointResult> results = new ArrayList<>();
    for (SweepPoint p : points) {
      PointResult r = done.get(p.key());
      // The stored point may come from an earlier order of the sweep file: the row takes this
      // file's index.
      results.add(new PointResult(p, r.record(), r.error(), r.seconds()));
    }
    SweepTable table = SweepTable.of(results);
    write(sweep, table, out);
    int failed = (int) results.stream().filter(r -> !r.succeeded()).count();
    return new Outcome(
        points.size(), todo.size(), points.size() - todo.size(), failed, runSeconds, table);
  }

  /**
   * Runs {@code points} one per task and hands each result to {@code finished} on the driver as it
   * arrives.
   */
  private void distribute(List<SweepPoint> points, Consumer<PointResult> finished) {
    JavaRDD<SweepPoint> rdd =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(points, points.size());
    Function1<Iterator<SweepPoint>, ArrayList<PointResult>> task =
        (Function1<Iterator<SweepPoint>, ArrayList<PointResult>> & Serializable) SparkSweep::runAll;
    // Called on the driver once per finished task, so results are stored as they come, not when the
    // job ends.
    Function2<Object, ArrayList<PointResult>, BoxedUnit> handler =
        (partition, results) -> {
          results.forEach(finished);
          return BoxedUnit.UNIT;
        };
    spark.sparkContext().setJobDescription("snn sweep: " + points.size() + " points");
    spark.sparkContext().runJob(rdd.rdd(), task, handler, ClassTag$.MODULE$.apply(ArrayList.class));
  }

  /** The task: runs the points of one partition (one point: one partition per point). */
  private static ArrayList<PointResult> runAll(Iterator<SweepPoint> points) {
    ArrayList<PointResult> results = new ArrayList<>();
    while (points.hasNext()) {
      results.add(PointResult.run(points.next()));
    }
    return results;
  }

  private void write(SweepFile sweep, SweepTable table, Path out) throws IOException {
    table.writeCsv(out.resolve("results.csv"));
    ParquetTable.write(spark, table, out.resolve("results.parquet"));
    SeedSummary summary = SeedSummary.of(table);
    summary.writeCsv(out.resolve("summary.csv"));
    if (sweep.objectives().size() == 2) {
      Path png = out.resolve("pareto.png");
      Files.deleteIfExists(png);
      ParetoChart.write(
          png,
          sweep.step()
              + ": "
              + sweep.objectives().get(1).column()
              + " vs "
              + sweep.objectives().get(0).column()
              + " ("
              + sweep.seeds().size()
              + " seeds per setting)",
          summary,
          sweep.objectives().get(0),
          sweep.objectives().get(1));
    }
  }
}
