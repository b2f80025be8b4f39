package org.snncodesign.spark.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.flow.sweep.SweepRecord;

class PointStoreTest {
  @TempDir Path folder;

  private static SweepPoint point(int index, long seed) {
    return new SweepPoint(
        index,
        "s",
        new LinkedHashMap<>(Map.of("keep", 0.5, "ranking", "fisher", "rounds", 2L, "rewire", true)),
        seed);
  }

  @Test
  @DisplayName("a stored result reads back equal, NaN and integer values keeping their types")
  void roundTrip() throws IOException {
    PointStore store = new PointStore(folder);
    PointResult ok =
        new PointResult(
            point(0, 1),
            SweepRecord.builder()
                .put("accuracy", Double.NaN)
                .put("neurons", 250L)
                .put("method", "fisher")
                .put("lambda", 1000.0)
                .build(),
            null,
            1.5);
    PointResult failed = new PointResult(point(1, 2), null, "IllegalArgumentException: keep", 0.01);

    store.write(ok);
    store.write(failed);

    assertThat(new PointStore(folder).readAll())
        .containsOnly(Map.entry(ok.point().key(), ok), Map.entry(failed.point().key(), failed));
  }
}
