/** Tabular data sets from CSV files through Apache Commons CSV, and the {@code csv} provider. */
package org.snncodesign.datasets.csv;
