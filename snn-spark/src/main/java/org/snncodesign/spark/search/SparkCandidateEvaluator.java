package org.snncodesign.spark.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.snncodesign.api.Checks;
import org.snncodesign.fpga.search.CandidateEvaluator;
import org.snncodesign.fpga.search.SearchProblem;
import org.snncodesign.fpga.search.SearchTask;

/**
 * Evaluates a co-design search's candidates as Spark tasks: one partition per candidate, the
 * search's problem shipped with them (each executor JVM builds the problem's spaces once), the
 * results collected in candidate order, so the search finds what the sequential loop finds for the
 * same seed.
 *
 * <p>A candidate that throws comes back as its error and stops the search with one line naming it,
 * as in process; a task lost with its executor is re-run by Spark's scheduler.
 */
public final class SparkCandidateEvaluator implements CandidateEvaluator {
  private final SparkSession spark;

  /** An evaluator on {@code spark}'s cluster; the caller keeps (and stops) the session. */
  public SparkCandidateEvaluator(SparkSession spark) {
    Checks.checkArgument(spark != null, "a Spark session must be given");
    this.spark = spark;
  }

  @Override
  public <R extends Serializable> List<R> evaluate(
      SearchProblem problem, List<? extends SearchTask<R>> tasks) {
    List<SearchTask<R>> batch = new ArrayList<>(tasks);
    if (batch.isEmpty()) {
      return List.of();
    }
    spark.sparkContext().setJobDescription("snn hw search: " + batch.size() + " candidates");
    List<Outcome<R>> outcomes;
    try {
      outcomes =
          JavaSparkContext.fromSparkContext(spark.sparkContext())
              .parallelize(batch, batch.size())
              .map(task -> Outcome.of(task, problem))
              .collect();
    } catch (Exception e) {
      // A task that could not even start (a class missing on the executors, a problem that cannot
      // be shipped); Scala
      // throws SparkException, a checked exception, undeclared.
      throw new IllegalStateException(
          "the Spark job of " + batch.size() + " candidates failed: " + firstLines(e), e);
    }
    List<R> results = new ArrayList<>();
    for (int k = 0; k < batch.size(); k++) {
      Outcome<R> outcome = outcomes.get(k);
      if (outcome.error() != null) {
        throw new IllegalStateException(
            "evaluating " + batch.get(k).describe() + " failed: " + outcome.error());
      }
      results.add(outcome.result());
    }
    return results;
  }

  /**
   * The first line of the error's message and of its root cause's, e.g. {@code Task not
   * serializable: ...}.
   */
  private static String firstLines(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String line = firstLine(e);
    return root == e ? line : line + ": " + firstLine(root);
  }

  private static String firstLine(Throwable e) {
    return (e.getMessage() == null ? e.toString() : e.getMessage()).lines().findFirst().orElse("");
  }

  /**
   * What a task gave on its executor: its result, or the error that stopped it (so that a failing
   * candidate ends the job at once instead of being retried as a lost task).
   */
  record Outcome<R extends Serializable>(R result, String error) implements Serializable {
    static <R extends Serializable> Outcome<R> of(SearchTask<R> task, SearchProblem problem) {
      try {
        return new Outcome<>(task.run(problem.open()), null);
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        // LinkageError: an accelerator whose plugin jar is missing on this executor fails like a
        // bad parameter.
        return new Outcome<>(null, e.toString());
      }
    }
  }
}
