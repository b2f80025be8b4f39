package org.snncodesign.datasets.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.snncodesign.api.ApiVersion;
import org.snncodesign.api.dataset.DatasetProvider;
import org.snncodesign.api.dataset.LabeledDataset;

/**
 * Plugin {@code wav}: a folder of {@code {label}_{speaker}_{index}.wav} files (Free Spoken Digit Dataset layout),
 * or one such file, resampled to 8 kHz and cut or padded to one second (8,000 samples). For the waveforms
 * themselves use {@link WavFile#read} or {@link WavFolderReader#clips}.
 */
public final class WavDatasetProvider implements DatasetProvider {

  public WavDatasetProvider() {}

  @Override
  public String name() {
    return "wav";
  }

  @Override
  public String description() {
    return "folders of PCM WAV files named {label}_{speaker}_{index}.wav (FSDD), 8 kHz, 1 s";
  }

  @Override
  public ApiVersion apiVersion() {
    return new ApiVersion(1, 0);
  }

  @Override
  public boolean accepts(Path path) {
    Path fileName = path.getFileName();
    if (fileName == null) {
      return false;
    }
    if (Files.isDirectory(path)) {
      try (var listing = Files.list(path)) {
        return listing.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"));
      } catch (IOException e) {
        return false;
      }
    }
    return fileName.toString().toLowerCase(Locale.ROOT).endsWith(".wav");
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    WavFolderReader reader = new WavFolderReader(WavFolderReader.DEFAULT_RATE);
    if (Files.isDirectory(path)) {
      return reader.dataset(path, WavFolderReader.DEFAULT_RATE);
    }
    FsddName name = FsddName.parse(path.getFileName().toString());
    AudioClip clip = new AudioClip(path, name, WavFile.read(path).resample(WavFolderReader.DEFAULT_RATE));
    return WavFolderReader.dataset(List.of(clip), WavFolderReader.DEFAULT_RATE, path.toString());
  }
}
