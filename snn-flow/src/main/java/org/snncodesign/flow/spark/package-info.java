/**
 * The way from {@code snn.jar}, which has no Spark, to {@code snn-spark.jar}, which runs sweeps and
 * the distributed co-search: finding that jar ({@link org.snncodesign.flow.spark.SparkJar#locate})
 * and running it in a JVM of its own.
 */
package org.snncodesign.flow.spark;
