package org.snncodesign.flow.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.encoding.ValueRange;

/**
 * What a data set holds, as {@code snn data info} reports it: its size and shape, classes, samples
 * per label and value range; Jackson writes it with snake-case keys in this order.
 *
 * @param path the path or name it was read from
 * @param format the format it was read as
 * @param name the data set's name
 * @param samples samples
 * @param shape the shape of one sample
 * @param sampleSize values per sample
 * @param classes classes
 * @param classNames the classes' names
 * @param labelCounts samples per label, in label order
 * @param valueMin the least feature value; null for a data set without values
 * @param valueMax the greatest feature value; null for a data set without values
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetInfoReport(
    String path,
    String format,
    String name,
    int samples,
    List<Integer> shape,
    int sampleSize,
    int classes,
    List<String> classNames,
    Map<String, Integer> labelCounts,
    Float valueMin,
    Float valueMax) {

  /**
   * The report of {@code data}, read from {@code path} as {@code format}, with its label histogram
   * {@code bars} ({@link LabelHistogram#of}).
   */
  public static DatasetInfoReport of(
      String path, String format, LabeledDataset data, List<LabelHistogram.Bar> bars) {
    Optional<ValueRange> values = ValueRange.of(data.features());
    Map<String, Integer> counts = new LinkedHashMap<>();
    bars.forEach(bar -> counts.put(bar.label(), bar.count()));
    return new DatasetInfoReport(
        path,
        format,
        data.name(),
        data.samples(),
        Arrays.stream(data.shape()).boxed().toList(),
        data.sampleSize(),
        data.classes(),
        List.copyOf(data.classNames()),
        counts,
        values.map(ValueRange::min).orElse(null),
        values.map(ValueRange::max).orElse(null));
  }
}
