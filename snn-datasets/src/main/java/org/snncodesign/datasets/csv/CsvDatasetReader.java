package org.snncodesign.datasets.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.DataFormatException;

/**
 * Tabular data from CSV (RFC 4180, read with Apache Commons CSV): one sample per record, every
 * column but the label a number. The label column is chosen by header name or by index (negative
 * counts from the end; the default, -1, is the last column). The header is detected when not
 * stated: a first record whose feature fields are not all numbers is a header. Class names are the
 * distinct label texts, in numeric order when all are integers and in text order otherwise. Gzip
 * files are read too.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class CsvDatasetReader {
  /**
   * Longest line read: 2^26 characters, about 6 million numeric columns. Longer lines are not a
   * table but a binary or broken file, and would be buffered whole before the first check.
   */
  public static final long MAX_LINE = 1L << 26;

  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * Samples the feature array holds at first; it doubles as records arrive, so memory follows the
   * data read.
   */
  private static final int FIRST_CAPACITY = 16;

  private final Boolean header;
  private final String labelName;
  private final int labelIndex;
  private final char delimiter;

  private CsvDatasetReader(Builder builder) {
    this.header = builder.header;
    this.labelName = builder.labelName;
    this.labelIndex = builder.labelIndex;
    this.delimiter = builder.delimiter;
  }

  /** A reader with a detected header, the label in the last column and comma delimiters. */
  public static CsvDatasetReader defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Reads {@code file}, plain or gzip. */
  public LabeledDataset read(Path file) throws IOException {
    try (InputStream raw = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      raw.mark(2);
      boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
      raw.reset();
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      return read(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), file.toString());
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new DataFormatException(
          file.toString(), -1, "readable gzip data: " + e.getMessage(), e);
    }
  }

  /** Reads CSV text from {@code reader}; {@code source} names it in messages. */
  public LabeledDataset read(Reader reader, String source) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser =
        CSVParser.parse(new LineLengthLimit(reader, source, MAX_LINE), format)) {
      return parse(parser, source);
    } catch (UncheckedIOException | IllegalStateException e) {
      if (e.getCause() instanceof DataFormatException refused) {
        throw refused;
      }
      // Commons CSV reports malformed quoting this way; it is the file's fault.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new DataFormatException(source, -1, "well-formed CSV, but " + cause.getMessage(), e);
    }
  }

  private LabeledDataset parse(CSVParser parser, String source) {
    Iterator<CSVRecord> records = parser.iterator();
    if (!records.hasNext()) {
      throw DataFormatException.atLine(source, 1, 0, "at least one record, but the file is empty");
    }
    CSVRecord first = records.next();
    int columns = first.size();
    if (columns < 2) {
      throw DataFormatException.atLine(
          source,
          first.getParser().getCurrentLineNumber(),
          0,
          "at least two columns (features and a label), got " + columns);
    }
    List<String> names = null;
    int label;
    boolean firstIsHeader;
    if (labelName != null) {
      if (Boolean.FALSE.equals(header)) {
        throw new IllegalArgumentException(
            "label column '" + labelName + "' chosen by name needs a header");
      }
      firstIsHeader = true;
      names = first.toList();
      label = names.indexOf(labelName);
      if (label < 0) {
        throw DataFormatException.atLine(
            source, 1, 0, "a header column named '" + labelName + "', got " + names);
      }
    } else {
      label = labelIndex < 0 ? columns + labelIndex : labelIndex;
      if (label < 0 || label >= columns) {
        throw DataFormatException.atLine(
            source, 1, 0, "a label column " + labelIndex + " within the " + columns + " columns");
      }
      firstIsHeader = header != null ? header : !allNumbers(first, label);
      if (firstIsHeader) {
        names = first.toList();
      }
    }
    int featureCount = columns - 1;
    float[] features = new float[(int) Math.min(MAX_ARRAY, (long) featureCount * FIRST_CAPACITY)];
    List<String> labelTexts = new ArrayList<>();
    if (!firstIsHeader) {
      features = add(first, features, labelTexts, label, columns, names, source, 1);
    }
    while (records.hasNext()) {
      CSVRecord record = records.next();
      features =
          add(record, features, labelTexts, label, columns, names, source, labelTexts.size() + 1);
    }
    if (labelTexts.isEmpty()) {
      throw DataFormatException.atLine(
          source, 2, 0, "at least one data record after the header, found none");
    }
    List<String> classNames = classNames(labelTexts);
    Map<String, Integer> classIndex = new HashMap<>();
    for (int c = 0; c < classNames.size(); c++) {
      classIndex.put(classNames.get(c), c);
    }
    int[] labels = new int[labelTexts.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = classIndex.get(labelTexts.get(i));
    }
    return new LabeledDataset(
        source,
        new int[] {featureCount},
        Arrays.copyOf(features, labels.length * featureCount),
        labels,
        classNames);
  }

  private static boolean allNumbers(CSVRecord record, int label) {
    for (int c = 0; c < record.size(); c++) {
      if (c != label && parseOrNaN(record.get(c)) == null) {
        return false;
      }
    }
    return true;
  }

  private static Float parseOrNaN(String text) {
    try {
      float value = Float.parseFloat(text);
      return Float.isFinite(value) ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static float[] add(
      CSVRecord record,
      float[] features,
      List<String> labelTexts,
      int label,
      int columns,
      List<String> names,
      String source,
      int sample) {
    long line = record.getParser().getCurrentLineNumber();
    if (record.size() != columns) {
      throw DataFormatException.atLine(
          source, line, 0, columns + " columns like the first record, got " + record.size());
    }
    int featureCount = columns - 1;
    long end = (long) sample * featureCount;
    if (end > MAX_ARRAY) {
      throw DataFormatException.atLine(
          source,
          line,
          0,
          "at most "
              + MAX_ARRAY
              + " values in all, but record "
              + sample
              + " of "
              + featureCount
              + " features goes beyond");
    }
    int base = (int) (end - featureCount);
    float[] target = features;
    if (end > target.length) {
      long grown = Math.min(MAX_ARRAY, Math.max(end, 2L * target.length));
      long free = Runtime.getRuntime().maxMemory() - usedMemory();
      if (4 * grown > free) {
        throw DataFormatException.atLine(
            source,
            line,
            0,
            "data that fits in memory: "
                + sample
                + " records of "
                + featureCount
                + " features need "
                + (4 * grown >> 20)
                + " MB more, the JVM has "
                + (free >> 20)
                + " MB free");
      }
      target = Arrays.copyOf(target, (int) grown);
    }
    int f = 0;
    for (int c = 0; c < columns; c++) {
      String text = record.get(c);
      if (c == label) {
        if (text.isEmpty()) {
          throw DataFormatException.atLine(source, line, c + 1, "a label, got an empty field");
        }
        labelTexts.add(text);
        continue;
      }
      Float value = parseOrNaN(text);
      if (value == null) {
        throw DataFormatException.atLine(
            source,
            line,
            c + 1,
            "a finite number in column "
                + (names != null ? "'" + names.get(c) + "'" : Integer.toString(c + 1))
                + ", got '"
                + text
                + "'");
      }
      target[base + f++] = value;
    }
    return target;
  }

  private static long usedMemory() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static List<String> classNames(List<String> labelTexts) {
    TreeSet<String> distinct = new TreeSet<>(labelTexts);
    boolean integers = distinct.stream().allMatch(t -> t.matches("-?\\d{1,9}"));
    List<String> names = new ArrayList<>(distinct);
    if (integers) {
      names.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    }
    return names;
  }

  /** Settings of a {@link CsvDatasetReader}. */
  public static final class Builder {
    private Boolean header;
    private String labelName;
    private int labelIndex = -1;
    private char delimiter = ',';

    private Builder() {}

    /** States whether the first record is a header; detected when not called. */
    public Builder header(boolean present) {
      this.header = present;
      return this;
    }

    /** Chooses the label column by header name (implies a header). */
    public Builder labelColumn(String name) {
      Checks.checkArgument(
          name != null && !name.isEmpty(), "label column name must not be empty, got '%s'", name);
      this.labelName = name;
      return this;
    }

    /** Chooses the label column by index from 0; negative counts from the end (-1 = last). */
    public Builder labelColumn(int index) {
      this.labelIndex = index;
      this.labelName = null;
      return this;
    }

    /** The field delimiter, ',' by default. */
    public Builder delimiter(char delimiter) {
      Checks.checkArgument(
          delimiter != '"' && delimiter != '\n' && delimiter != '\r',
          "delimiter must not be a quote or line break, got '%s'",
          delimiter);
      this.delimiter = delimiter;
      return this;
    }

    public CsvDatasetReader build() {
      return new CsvDatasetReader(this);
    }
  }
}
