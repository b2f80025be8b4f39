package org.snncodesign.datasets.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snncodesign.api.dataset.LabeledDataset;
import org.snncodesign.datasets.AbstractDatasetProvider;

/**
 * Plugin {@code wav}: a folder of {@code {label}_{speaker}_{index}.wav} files (Free Spoken Digit
 * Dataset layout), or one such file, resampled to 8 kHz and cut or padded to one second (8,000
 * samples). For the waveforms themselves use {@link WavFile#read} or {@link WavFolderReader#clips}.
 */
public final class WavDatasetProvider extends AbstractDatasetProvider {

  public WavDatasetProvider() {
    super("wav", "folders of PCM WAV files named {label}_{speaker}_{index}.wav (FSDD), 8 kHz, 1 s");
  }

  @Override
  protected boolean acceptsFileName(String fileName) {
    return hasExtension(fileName, ".wav");
  }

  /** A folder with at least one {@code .wav} entry. */
  @Override
  protected boolean acceptsFolder(Path folder) {
    return anyEntry(folder, 1, p -> hasExtension(p.getFileName().toString(), ".wav"));
  }

  @Override
  public LabeledDataset load(Path path) throws IOException {
    WavFolderReader reader = new WavFolderReader(WavFolderReader.DEFAULT_RATE);
    if (Files.isDirectory(path)) {
      return reader.dataset(path, WavFolderReader.DEFAULT_RATE);
    }
    FsddName name = FsddName.parse(path.getFileName().toString());
    AudioClip clip =
        new AudioClip(path, name, WavFile.read(path).resample(WavFolderReader.DEFAULT_RATE));
    return WavFolderReader.dataset(List.of(clip), WavFolderReader.DEFAULT_RATE, path.toString());
  }
}
