/**
 * The co-design search of {@code snn hw search} on Apache Spark: its candidates as Spark tasks
 * ({@link org.snncodesign.spark.search.SparkCandidateEvaluator}), and the {@code hw-search} command
 * of {@code snn-spark.jar}.
 */
package org.snncodesign.spark.search;
