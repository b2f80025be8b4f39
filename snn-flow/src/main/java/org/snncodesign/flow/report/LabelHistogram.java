package org.snncodesign.flow.report;

import java.util.ArrayList;
import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * How many samples of a data set carry each label, as bars for a terminal: the most frequent class
 * gets the full width, the others in proportion (rounded).
 */
public final class LabelHistogram {
  private LabelHistogram() {}

  /**
   * One class.
   *
   * @param label the class name
   * @param count samples with that label
   * @param length the bar's length in characters
   */
  public record Bar(String label, int count, int length) {}

  /**
   * One bar per class of {@code data}, in class order, the longest {@code width} characters long.
   */
  public static List<Bar> of(LabeledDataset data, int width) {
    Checks.positive(width, "width");
    int[] counts = data.labelCounts();
    int peak = 0;
    for (int count : counts) {
      peak = Math.max(peak, count);
    }
    List<Bar> bars = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      int length = peak == 0 ? 0 : (int) Math.round((double) width * counts[c] / peak);
      bars.add(new Bar(data.classNames().get(c), counts[c], length));
    }
    return bars;
  }
}
