package org.snncodesign.datasets.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.api.spike.SpikeRaster;
import org.snncodesign.datasets.DataFormatException;
import org.snncodesign.datasets.io.BinarySource;

class EventReadersTest {

  private static void assertSame(EventStream stream, long[][] events) {
    assertThat(stream.size()).isEqualTo(events.length);
    for (int i = 0; i < events.length; i++) {
      assertThat(
              new long[] {
                stream.x()[i], stream.y()[i], stream.polarity()[i], stream.timestamps()[i]
              })
          .as("event %d", i)
          .containsExactly(events[i]);
    }
  }

  @Test
  @DisplayName("N-MNIST 40-bit events read back exactly, on a 34 x 34 sensor")
  void nmnistRoundTrip() throws IOException {
    long[][] events = EventFiles.random(5000, 34, 34, 1);
    EventStream stream = NmnistReader.read(BinarySource.of(EventFiles.nmnist(events), "e.bin"));
    assertSame(stream, events);
    assertThat(stream.width()).isEqualTo(34);
    long[][] wide = {{200, 170, 1, (1 << 23) - 1}};
    EventStream caltech = NmnistReader.read(BinarySource.of(EventFiles.nmnist(wide), "c.bin"));
    assertSame(caltech, wide);
    assertThat(caltech.width()).isEqualTo(201);
    assertThat(caltech.height()).isEqualTo(171);
  }

  @Test
  @DisplayName("AEDAT 2.0 events read back exactly and external events are skipped")
  void aedat2RoundTrip() throws IOException {
    long[][] events = EventFiles.random(3000, 128, 128, 2);
    EventStream stream =
        AedatReader.read(BinarySource.of(EventFiles.aedat2(events, true), "g.aedat"));
    assertSame(stream, events);
    assertThat(stream.width()).isEqualTo(128);
  }

  @Test
  @DisplayName(
      "AEDAT 3.1 polarity packets read back exactly; other packets, invalid and unused events are skipped")
  void aedat3RoundTrip() throws IOException {
    long[][] events = EventFiles.random(1000, 128, 128, 3);
    EventStream stream =
        AedatReader.read(BinarySource.of(EventFiles.aedat3(events, 300, 0), "g.aedat"));
    assertSame(stream, events);
    EventStream later =
        AedatReader.read(BinarySource.of(EventFiles.aedat3(events, 300, 2), "g.aedat"));
    assertThat(later.timestamps()[0]).isEqualTo((2L << 31) + events[0][3]);
  }

  @Test
  @DisplayName(
      "an AEDAT 3.1 event beyond any real sensor is refused instead of sizing gigabyte frames")
  void aedat3ForgedCoordinates() {
    long[][] forged = {{30000, 5, 1, 10}};
    assertThatThrownBy(
            () -> AedatReader.read(BinarySource.of(EventFiles.aedat3(forged, 1, 0), "f.aedat")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("f.aedat")
        .hasMessageContaining("x 30000");
  }

  @Test
  @DisplayName(
      "a file that is not whole 5-byte events is refused at the offset of the partial event")
  void nmnistPartial() {
    byte[] data = Arrays.copyOf(EventFiles.nmnist(EventFiles.random(4, 34, 34, 4)), 22);
    assertThatThrownBy(() -> NmnistReader.read(BinarySource.of(data, "p.bin")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("p.bin, byte offset 20")
        .hasMessageContaining("2 over");
  }

  @Test
  @DisplayName(
      "AEDAT files with a bad version line, a bad address or a forged packet size are refused")
  void aedatErrors() {
    assertThatThrownBy(() -> AedatReader.read(BinarySource.of("hello\n".getBytes(), "x")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("'hello'");
    assertThatThrownBy(() -> AedatReader.read(BinarySource.of("#!AER-DAT9.9\n".getBytes(), "x")))
        .hasMessageContaining("'9.9'");
    byte[] two = EventFiles.aedat2(EventFiles.random(2, 128, 128, 5), false);
    int dataStart = two.length - 16;
    ByteBuffer.wrap(two).putInt(dataStart, 0x0101_0000);
    assertThatThrownBy(() -> AedatReader.read(BinarySource.of(two, "x")))
        .hasMessageContaining("byte offset " + dataStart)
        .hasMessageContaining("0x01010000");
    byte[] three = EventFiles.aedat3(EventFiles.random(10, 128, 128, 6), 10, 0);
    int polarityPacket = three.length - (28 + 12 * 8);
    ByteBuffer.wrap(three)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putInt(polarityPacket + 16, 1 << 30)
        .putInt(polarityPacket + 20, 1 << 30)
        .putInt(polarityPacket + 24, 1 << 30);
    assertThatThrownBy(() -> AedatReader.read(BinarySource.of(three, "x")))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("byte offset " + (polarityPacket + 16))
        .hasMessageContaining("8589934592 bytes");
  }

  @Test
  @DisplayName(
      "binning conserves events: frames sum to the event count and the last event lands in the last bin")
  void binningConserves() {
    long[][] rows = EventFiles.random(2000, 34, 34, 7);
    EventStream stream =
        new EventStream(34, 34, new short[2000], new short[2000], new byte[2000], new long[2000]);
    for (int i = 0; i < rows.length; i++) {
      stream.x()[i] = (short) rows[i][0];
      stream.y()[i] = (short) rows[i][1];
      stream.polarity()[i] = (byte) rows[i][2];
      stream.timestamps()[i] = rows[i][3];
    }
    for (int bins : new int[] {1, 3, 10, 64}) {
      float[] frames = EventBinning.frames(stream, bins);
      double sum = 0;
      for (float f : frames) {
        sum += f;
      }
      assertThat(sum).isEqualTo(2000.0);
    }
    SpikeRaster raster = EventBinning.raster(stream, 10);
    assertThat(raster.neurons()).isEqualTo(2 * 34 * 34);
    long[] last = rows[rows.length - 1];
    assertThat(raster.get(9, (int) ((last[2] * 34 + last[1]) * 34 + last[0]))).isTrue();
    long[] first = rows[0];
    assertThat(raster.get(0, (int) ((first[2] * 34 + first[1]) * 34 + first[0]))).isTrue();
    assertThat(raster.count()).isLessThanOrEqualTo(2000);
  }

  @Test
  @DisplayName(
      "the nmnist provider reads class sub-folders as event-count samples of shape [2, 34, 34]")
  void nmnistProvider(@TempDir Path dir) throws IOException {
    for (int c = 0; c < 3; c++) {
      Path folder = Files.createDirectories(dir.resolve(Integer.toString(c)));
      for (int k = 0; k < 2; k++) {
        Files.write(
            folder.resolve("0000" + k + ".bin"),
            EventFiles.nmnist(EventFiles.random(100 + c, 34, 34, c * 10 + k)));
      }
    }
    NmnistDatasetProvider provider = new NmnistDatasetProvider();
    assertThat(provider.accepts(dir)).isTrue();
    LabeledDataset set = provider.load(dir);
    assertThat(set.shape()).containsExactly(2, 34, 34);
    assertThat(set.labels()).containsExactly(0, 0, 1, 1, 2, 2);
    double sum = 0;
    for (float v : set.sample(4)) {
      sum += v;
    }
    assertThat(sum).isEqualTo(102.0);
  }

  @Test
  @DisplayName("the aedat provider cuts labelled windows from a DVS128 Gesture labels file")
  void aedatProvider(@TempDir Path dir) throws IOException {
    long[][] events = EventFiles.random(3000, 128, 128, 9);
    Path recording = Files.write(dir.resolve("user01_led.aedat"), EventFiles.aedat2(events, false));
    AedatDatasetProvider provider = new AedatDatasetProvider();
    assertThat(provider.accepts(recording)).isTrue();
    LabeledDataset whole = provider.load(recording);
    assertThat(whole.samples()).isOne();
    assertThat(whole.classNames()).containsExactly("unlabelled");
    Files.writeString(
        dir.resolve("user01_led_labels.csv"),
        "class,startTime_usec,endTime_usec\n" + "10,0,20000\n2,20000,40000\n10,40000,90000\n");
    LabeledDataset windows = provider.load(recording);
    assertThat(windows.samples()).isEqualTo(3);
    assertThat(windows.classNames()).containsExactly("2", "10");
    assertThat(windows.labels()).containsExactly(1, 0, 1);
    assertThat(windows.shape()).containsExactly(2, 128, 128);
  }
}
