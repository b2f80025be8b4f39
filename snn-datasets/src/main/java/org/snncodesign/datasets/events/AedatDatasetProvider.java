package org.snncodesign.datasets.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.AbstractDatasetProvider;
import org.snncodesign.datasets.DataFormatException;

/**
 * Plugin {@code aedat}: an AEDAT 2.0 / 3.1 recording. With a DVS128 Gesture labels file next to it
 * ({@code <name>_labels.csv}: {@code class,startTime_usec,endTime_usec}), each labelled time window
 * is one sample; without one, the whole recording is one sample of class "unlabelled". Samples are
 * event counts per polarity and pixel, shape {@code [2, height, width]}; for timing use {@link
 * AedatReader} and {@link EventBinning}.
 */
public final class AedatDatasetProvider extends AbstractDatasetProvider {

  public AedatDatasetProvider() {
    super(
        "aedat",
        "AEDAT 2.0/3.1 event recordings (DVS128 Gesture), labelled windows from <name>_labels.csv");
  }

  @Override
  protected boolean acceptsFileName(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).matches(".*\\.aedat[0-9]?");
  }

  /** The labels file of a recording by the DVS128 Gesture naming. */
  public static Path labelsFileFor(Path recording) {
    String name = recording.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return recording.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "_labels.csv");
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    EventStream events = AedatReader.read(path);
    Path labelsFile = labelsFileFor(path);
    if (!Files.isRegularFile(labelsFile)) {
      return EventCounts.dataset(
          path.toString(), List.of(events), List.of(0), List.of("unlabelled"));
    }
    List<String> texts = new ArrayList<>();
    List<long[]> windows = new ArrayList<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
    try (Reader reader = Files.newBufferedReader(labelsFile, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (record.size() < 3) {
          throw DataFormatException.atLine(
              labelsFile.toString(),
              line,
              0,
              "class,startTime_usec,endTime_usec, got " + record.size() + " fields");
        }
        if (line == 1 && !record.get(1).matches("\\d+")) {
          continue; // the header
        }
        try {
          long start = Long.parseLong(record.get(1));
          long end = Long.parseLong(record.get(2));
          if (end <= start) {
            throw DataFormatException.atLine(
                labelsFile.toString(),
                line,
                3,
                "an end time after the start " + start + ", got " + end);
          }
          texts.add(record.get(0));
          windows.add(new long[] {start, end});
        } catch (NumberFormatException e) {
          throw DataFormatException.atLine(
              labelsFile.toString(),
              line,
              2,
              "integer microsecond times, got '" + record.get(1) + "', '" + record.get(2) + "'");
        }
      }
    } catch (java.io.UncheckedIOException | IllegalStateException e) {
      throw new DataFormatException(
          labelsFile.toString(), -1, "well-formed CSV: " + e.getMessage(), e);
    }
    TreeSet<String> distinct = new TreeSet<>(texts);
    List<String> classes = new ArrayList<>(distinct);
    if (classes.stream().allMatch(t -> t.matches("\\d{1,9}"))) {
      classes.sort(Comparator.comparingInt(Integer::parseInt));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      index.put(classes.get(c), c);
    }
    List<EventStream> samples = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      samples.add(events.window(windows.get(i)[0], windows.get(i)[1]));
      labels.add(index.get(texts.get(i)));
    }
    if (samples.isEmpty()) {
      throw DataFormatException.atLine(
          labelsFile.toString(), 1, 0, "at least one labelled window, found none");
    }
    return EventCounts.dataset(path.toString(), samples, labels, classes);
  }
}
