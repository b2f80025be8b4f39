package org.snncodesign.spmm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snncodesign.api.spike.SpikeRaster;

@DisplayName("SpikeIndexLists")
class SpikeIndexListsTest {

  @ParameterizedTest(name = "density {0}")
  @ValueSource(doubles = {0.0, 0.05, 0.5, 1.0})
  @DisplayName("converting a raster to index lists and back gives the same raster")
  void roundTrip(double density) {
    SpikeRaster raster = RandomOperands.spikes(9, 130, density, 3, true);
    SpikeIndexLists lists = SpikeIndexLists.fromRaster(raster);
    assertThat(lists.count()).isEqualTo(raster.count());
    assertThat(lists.toRaster()).isEqualTo(raster);
  }

  @Test
  @DisplayName("refuses unsorted or out-of-range indices, naming the row")
  void rejectsBadLists() {
    assertThatThrownBy(() -> new SpikeIndexLists(1, 4, new int[] {0, 2}, new int[] {3, 1}))
        .hasMessageContaining("row 0");
    assertThatThrownBy(() -> new SpikeIndexLists(1, 4, new int[] {0, 1}, new int[] {4}))
        .hasMessageContaining("spike index 4");
  }
}
