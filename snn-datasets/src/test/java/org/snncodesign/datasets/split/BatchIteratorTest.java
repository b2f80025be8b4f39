package org.snncodesign.datasets.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.digits.EmbeddedDigits;

class BatchIteratorTest {

  private static List<Integer> order(BatchIterator batches, LabeledDataset data) {
    List<Integer> seen = new ArrayList<>();
    while (batches.hasNext()) {
      Batch batch = batches.next();
      for (int k = 0; k < batch.size(); k++) {
        int i = batch.indices()[k];
        seen.add(i);
        assertThat(batch.labels()[k]).isEqualTo(data.labels()[i]);
        assertThat(Arrays.copyOfRange(batch.features(), batch.offset(k), batch.offset(k + 1)))
            .isEqualTo(data.sample(i));
      }
    }
    return seen;
  }

  @Test
  @DisplayName("one shuffled epoch visits every sample once, with its own values and label")
  void epochCoversAll() {
    LabeledDataset digits = EmbeddedDigits.load();
    BatchIterator batches = BatchIterator.shuffled(digits, 64, 5);
    assertThat(batches.batches()).isEqualTo(29);
    List<Integer> seen = order(batches, digits);
    assertThat(seen).hasSize(1797).doesNotHaveDuplicates();
    assertThat(seen.subList(0, 20))
        .isNotEqualTo(
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19));
    assertThatThrownBy(batches::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  @DisplayName("the order depends only on seed and epoch")
  void seededOrder() {
    LabeledDataset digits = EmbeddedDigits.load();
    assertThat(order(BatchIterator.shuffled(digits, 100, 9, 2), digits))
        .isEqualTo(order(BatchIterator.shuffled(digits, 100, 9, 2), digits))
        .isNotEqualTo(order(BatchIterator.shuffled(digits, 100, 9, 3), digits));
    assertThat(order(BatchIterator.inOrder(digits, 500), digits).get(1796)).isEqualTo(1796);
  }

  @Test
  @DisplayName("dropLast skips the last, smaller batch")
  void dropLast() {
    LabeledDataset digits = EmbeddedDigits.load();
    BatchIterator batches = BatchIterator.shuffled(digits, 100, 1, 0, true);
    assertThat(batches.batches()).isEqualTo(17);
    assertThat(order(batches, digits)).hasSize(1700);
  }
}
