package org.snncodesign.datasets.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.snncodesign.datasets.DataFormatException;

/**
 * A reader that refuses a line longer than a limit, before the CSV parser has buffered it: a file
 * without line breaks (a binary file, {@code /dev/zero}) would otherwise grow one field until the
 * heap runs out.
 */
final class LineLengthLimit extends FilterReader {
  private final String source;
  private final long limit;
  private long line = 1;
  private long length;

  LineLengthLimit(Reader in, String source, long limit) {
    super(in);
    this.source = source;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = offset; i < offset + Math.max(n, 0); i++) {
      count(buffer[i]);
    }
    return n;
  }

  private void count(char c) {
    if (c == '\n') {
      line++;
      length = 0;
    } else if (++length > limit) {
      throw DataFormatException.atLine(
          source,
          line,
          0,
          "lines of at most "
              + limit
              + " characters (a text CSV "
              + "file), but this line goes on");
    }
  }
}
