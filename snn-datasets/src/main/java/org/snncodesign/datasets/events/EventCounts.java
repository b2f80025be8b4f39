package org.snncodesign.datasets.events;

import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * Event streams as a data set of event counts per polarity and pixel on the largest sensor among
 * them.
 */
final class EventCounts {
  private EventCounts() {}

  static LabeledDataset dataset(
      String name, List<EventStream> streams, List<Integer> labels, List<String> classes) {
    int width = 1;
    int height = 1;
    for (EventStream s : streams) {
      width = Math.max(width, s.width());
      height = Math.max(height, s.height());
    }
    long size = 2L * width * height;
    Checks.checkArgument(
        size * streams.size() <= Integer.MAX_VALUE - 8,
        "%d samples of 2 x %d x %d counts exceed an array",
        streams.size(),
        height,
        width);
    float[] features = new float[(int) size * streams.size()];
    int[] labelArray = new int[streams.size()];
    for (int i = 0; i < labelArray.length; i++) {
      EventStream s = streams.get(i);
      float[] counts = EventBinning.frames(s.onSensor(width, height), 1);
      System.arraycopy(counts, 0, features, (int) (i * size), (int) size);
      labelArray[i] = labels.get(i);
    }
    return new LabeledDataset(name, new int[] {2, height, width}, features, labelArray, classes);
  }
}
