package org.snncodesign.datasets.audio;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snncodesign.datasets.DataFormatException;

/**
 * The parts of a Free Spoken Digit Dataset file name, {@code {label}_{speaker}_{index}.wav}
 * (Jackson et al., github.com/Jakobovski/free-spoken-digit-dataset), e.g. {@code 7_theo_23.wav}.
 * The official split puts indices 0-4 of every speaker and digit in the test part.
 *
 * @param label the spoken class (a digit in FSDD; any token without '_' is accepted)
 * @param speaker the speaker's name
 * @param index the take, >= 0
 */
public record FsddName(String label, String speaker, int index) {
  private static final Pattern NAME =
      Pattern.compile("([^_/\\\\]+)_([^_/\\\\]+)_(\\d{1,9})\\.(?i:wav)");

  /**
   * Parses a file name.
   *
   * @throws DataFormatException naming the file when it does not follow the pattern
   */
  public static FsddName parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      throw new DataFormatException(
          fileName,
          -1,
          "a file name like '{label}_{speaker}_{index}.wav', e.g. " + "'7_theo_23.wav'");
    }
    return new FsddName(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
  }

  /** True for the official FSDD test part (index 0 to 4). */
  public boolean officialTest() {
    return index < 5;
  }
}
