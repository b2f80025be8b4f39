/**
 * The snn commands that run on Apache Spark ({@code java -jar snn-spark.jar}, or {@code
 * spark-submit}): embedded ({@code local[*]}) unless a master is given. The only module that sees
 * Spark.
 */
package org.snncodesign.spark;
