package org.snncodesign.spark.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a {@link SweepTable} as a Parquet folder with Spark: a column whose values are all whole
 * numbers is a long, all numbers a double, all booleans a boolean, anything else a string. The
 * write runs as a Spark job, so on a cluster the folder must be on storage the executors share
 * (HDFS, NFS); {@code results.csv} is written by the driver alone.
 */
final class ParquetTable {
  private ParquetTable() {}

  static void write(SparkSession spark, SweepTable table, Path folder) {
    List<String> columns = table.columns();
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < table.size(); r++) {
      rows.add(table.row(r));
    }
    List<StructField> fields = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      DataType type = typeOf(rows, c);
      types.add(type);
      fields.add(DataTypes.createStructField(columns.get(c), type, true));
    }
    List<Row> data = new ArrayList<>();
    for (List<Object> row : rows) {
      Object[] values = new Object[row.size()];
      for (int c = 0; c < values.length; c++) {
        Object v = row.get(c);
        values[c] =
            v == null
                ? null
                : types.get(c) == DataTypes.DoubleType
                    ? ((Number) v).doubleValue()
                    : types.get(c) == DataTypes.StringType ? v.toString() : v;
      }
      data.add(RowFactory.create(values));
    }
    spark
        .createDataFrame(data, new StructType(fields.toArray(StructField[]::new)))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(folder.toAbsolutePath().toString());
  }

  private static DataType typeOf(List<List<Object>> rows, int column) {
    boolean longs = true;
    boolean numbers = true;
    boolean booleans = true;
    boolean any = false;
    for (List<Object> row : rows) {
      Object v = row.get(column);
      if (v != null) {
        any = true;
        longs &= v instanceof Long;
        numbers &= v instanceof Number;
        booleans &= v instanceof Boolean;
      }
    }
    return !any
        ? DataTypes.StringType
        : longs
            ? DataTypes.LongType
            : numbers
                ? DataTypes.DoubleType
                : booleans ? DataTypes.BooleanType : DataTypes.StringType;
  }
}
