package org.snncodesign.flow.search;

import java.util.Optional;
import java.util.ServiceLoader;
import org.snncodesign.fpga.search.CandidateEvaluator;

/**
 * A cluster a {@link CoDesignSearch} can evaluate its candidates on, found with {@link
 * ServiceLoader}: module {@code snn-spark} provides Apache Spark's (in {@code snn-spark.jar}, never
 * in {@code snn.jar}).
 */
public interface ClusterEvaluation {

  /**
   * Connects to {@code master} (e.g. {@code spark://HOST:7077}, {@code local[2]}).
   *
   * @return an evaluator on it; closing it releases the cluster
   */
  Session open(String master);

  /** An open connection to a cluster: evaluates candidates until closed. */
  interface Session extends CandidateEvaluator, AutoCloseable {
    @Override
    void close();
  }

  /** The provider visible to {@code loader}, if any. */
  static Optional<ClusterEvaluation> find(ClassLoader loader) {
    return ServiceLoader.load(ClusterEvaluation.class, loader).findFirst();
  }
}
