package org.snncodesign.spark.search;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.snncodesign.flow.search.ClusterEvaluation;
import org.snncodesign.fpga.search.SearchProblem;
import org.snncodesign.fpga.search.SearchTask;
import org.snncodesign.spark.SparkSessions;

/**
 * Apache Spark as the cluster of {@code snn hw search --master URL} ({@link ClusterEvaluation},
 * registered in {@code META-INF/services}): a session on the master ({@link SparkSessions#open}, so
 * {@code spark.*} system properties and spark-submit's settings apply), stopped when the search
 * closes it.
 */
public final class SparkClusterEvaluation implements ClusterEvaluation {

  /** Found by {@link java.util.ServiceLoader}. */
  public SparkClusterEvaluation() {}

  @Override
  public Session open(String master) {
    SparkSession spark = SparkSessions.open("snn hw search", master, Map.of());
    SparkCandidateEvaluator evaluator = new SparkCandidateEvaluator(spark);
    return new Session() {
      @Override
      public <R extends Serializable> List<R> evaluate(
          SearchProblem problem, List<? extends SearchTask<R>> tasks) {
        return evaluator.evaluate(problem, tasks);
      }

      @Override
      public void close() {
        spark.stop();
      }
    };
  }
}
