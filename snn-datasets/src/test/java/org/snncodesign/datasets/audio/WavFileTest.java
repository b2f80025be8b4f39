package org.snncodesign.datasets.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.DataFormatException;
import org.snncodesign.datasets.SharedData;
import org.snncodesign.datasets.io.BinarySource;

class WavFileTest {

  private static WavFile parse(byte[] data) throws IOException {
    return WavFile.read(BinarySource.of(data, "w.wav"));
  }

  @Test
  @DisplayName("16-bit samples decode to value / 32768, skipping unknown odd-sized chunks")
  void sixteenBit() throws IOException {
    int[][] frames = {{0}, {16384}, {-32768}, {32767}};
    WavFile wav = parse(WavFiles.pcm(8000, 16, frames, true));
    assertThat(wav.sampleRate()).isEqualTo(8000);
    assertThat(wav.samples()).containsExactly(0f, 0.5f, -1f, 32767f / 32768f);
  }

  @Test
  @DisplayName(
      "8-bit unsigned samples decode to (value - 128) / 128 and stereo is averaged to mono")
  void eightBitStereo() throws IOException {
    int[][] frames = {{128, 128}, {255, 1}, {192, 192}};
    WavFile wav = parse(WavFiles.pcm(11025, 8, frames, false));
    assertThat(wav.samples()).containsExactly(0f, 0f, 0.5f);
  }

  @Test
  @DisplayName(
      "resampling a 440 Hz tone from 16 kHz to 8 kHz keeps its length in seconds and its values")
  void resample() {
    float[] tone = new float[16000];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) Math.sin(2 * Math.PI * 440 * i / 16000.0);
    }
    WavFile down = new WavFile(16000, tone).resample(8000);
    assertThat(down.samples()).hasSize(8000);
    assertThat(down.seconds()).isCloseTo(1.0, within(1e-9));
    for (int i = 0; i < 8000; i += 97) {
      assertThat(down.samples()[i])
          .isCloseTo((float) Math.sin(2 * Math.PI * 440 * i / 8000.0), within(1e-4f));
    }
    WavFile up = new WavFile(2, new float[] {0, 1}).resample(4);
    assertThat(up.samples()).containsExactly(0f, 0.5f, 1f, 1f);
  }

  @Test
  @DisplayName("a real FSDD recording reads as 8 kHz mono with its name parsed")
  void realFsdd() throws IOException {
    Path file = SharedData.require("fsdd", "recordings", "0_george_0.wav");
    WavFile wav = WavFile.read(file);
    assertThat(wav.sampleRate()).isEqualTo(8000);
    assertThat(wav.samples().length).isEqualTo((int) (Files.size(file) - 44) / 2);
    float peak = 0;
    for (float v : wav.samples()) {
      peak = Math.max(peak, Math.abs(v));
    }
    assertThat(peak).isBetween(0.05f, 1f);
    assertThat(FsddName.parse(file.getFileName().toString()))
        .isEqualTo(new FsddName("0", "george", 0));
  }

  @Test
  @DisplayName(
      "the real FSDD folder reads as 3,000 clips: 6 speakers, 300 per digit, 300 in the official test part")
  void realFsddFolder() throws IOException {
    Path folder = SharedData.require("fsdd", "recordings");
    List<AudioClip> clips = new WavFolderReader(8000).clips(folder);
    assertThat(clips).hasSize(3000);
    assertThat(clips.stream().map(c -> c.name().speaker()).distinct()).hasSize(6);
    assertThat(clips.stream().filter(c -> c.name().officialTest())).hasSize(300);
    LabeledDataset set = WavFolderReader.dataset(clips, 8000, "fsdd");
    assertThat(set.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(set.labelCounts()).containsOnly(300);
  }

  @Test
  @DisplayName("FSDD names parse into label, speaker and take; others are refused by name")
  void names() {
    FsddName name = FsddName.parse("7_theo_23.wav");
    assertThat(name.label()).isEqualTo("7");
    assertThat(name.speaker()).isEqualTo("theo");
    assertThat(name.officialTest()).isFalse();
    assertThat(FsddName.parse("3_lucas_4.WAV").officialTest()).isTrue();
    assertThatThrownBy(() -> FsddName.parse("hello.wav"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("hello.wav");
  }

  @Test
  @DisplayName("a folder of clips becomes a data set of fixed length with classes in numeric order")
  void folder(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("10_a_0.wav"), WavFiles.mono16(8000, 100, 200, 300));
    Files.write(dir.resolve("2_a_0.wav"), WavFiles.mono16(16000, 1000, 1000, 1000, 1000));
    Files.write(dir.resolve("notes.txt"), new byte[] {1});
    WavDatasetProvider provider = new WavDatasetProvider();
    assertThat(provider.accepts(dir)).isTrue();
    LabeledDataset set = new WavFolderReader(8000).dataset(dir, 0);
    assertThat(set.shape()).containsExactly(3);
    assertThat(set.classNames()).containsExactly("2", "10");
    assertThat(set.labels()).containsExactly(1, 0);
    assertThat(set.sample(1)).containsExactly(1000 / 32768f, 1000 / 32768f, 0f);
    LabeledDataset second = provider.load(dir);
    assertThat(second.shape()).containsExactly(8000);
    List<AudioClip> clips = new WavFolderReader(16000).clips(dir);
    assertThat(clips.get(0).audio().samples()).hasSize(6);
  }

  @Test
  @DisplayName("a file that is not RIFF/WAVE is refused at offset 0 or 8 naming the tag found")
  void badTags() {
    byte[] data = WavFiles.mono16(8000, 1, 2);
    byte[] notRiff = data.clone();
    notRiff[0] = 'X';
    assertThatThrownBy(() -> parse(notRiff))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("byte offset 0")
        .hasMessageContaining("'XIFF'");
    byte[] notWave = data.clone();
    notWave[8] = 'A';
    assertThatThrownBy(() -> parse(notWave))
        .hasMessageContaining("byte offset 8")
        .hasMessageContaining("'AAVE'");
  }

  @Test
  @DisplayName("a truncated file is refused naming the declared RIFF size")
  void truncated() {
    byte[] data = WavFiles.mono16(8000, 1, 2, 3, 4);
    assertThatThrownBy(() -> parse(Arrays.copyOf(data, data.length - 3)))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("byte offset 4")
        .hasMessageContaining("truncated");
  }

  @Test
  @DisplayName("inconsistent format fields and a chunk larger than the form are refused")
  void inconsistent() {
    byte[] data = WavFiles.mono16(8000, 1, 2, 3, 4);
    byte[] align = data.clone();
    ByteBuffer.wrap(align).order(ByteOrder.LITTLE_ENDIAN).putShort(32, (short) 3);
    assertThatThrownBy(() -> parse(align))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("block align")
        .hasMessageContaining("got 3");
    byte[] bits = data.clone();
    ByteBuffer.wrap(bits).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 24);
    assertThatThrownBy(() -> parse(bits)).hasMessageContaining("8 or 16 bits per sample, got 24");
    byte[] chunk = data.clone();
    ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 1_000_000);
    assertThatThrownBy(() -> parse(chunk))
        .hasMessageContaining("byte offset 40")
        .hasMessageContaining("got 1000000");
    byte[] odd = data.clone();
    ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 7);
    assertThatThrownBy(() -> parse(odd)).hasMessageContaining("whole number of 2-byte frames");
  }
}
