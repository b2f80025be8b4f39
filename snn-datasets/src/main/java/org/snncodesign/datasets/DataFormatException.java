package org.snncodesign.datasets;

import org.snncodesign.api.InvalidInputException;

/**
 * A data file that breaks its format: a wrong magic number, a declared size the file does not hold,
 * a size whose arithmetic overflows, a truncated record, a value out of range. The message names
 * the file, the place (byte offset, or line and column for text) and what was expected there, so a
 * user can find the fault with a hex editor.
 */
public class DataFormatException extends InvalidInputException {
  private final String source;
  private final long offset;

  /**
   * @param source the file (or resource) being read
   * @param offset byte offset of the fault, or -1 when it has none
   * @param expectation what the reader expected and what it found
   */
  public DataFormatException(String source, long offset, String expectation) {
    super(source + (offset >= 0 ? ", byte offset " + offset : "") + ": " + expectation);
    this.source = source;
    this.offset = offset;
  }

  /** For a fault whose root cause is a lower-level error (e.g. a corrupt gzip stream). */
  public DataFormatException(String source, long offset, String expectation, Throwable cause) {
    super(source + (offset >= 0 ? ", byte offset " + offset : "") + ": " + expectation, cause);
    this.source = source;
    this.offset = offset;
  }

  /** A fault in a text file, located by line and column (both from 1). */
  public static DataFormatException atLine(
      String source, long line, int column, String expectation) {
    return new DataFormatException(
        source + ", line " + line + (column > 0 ? ", column " + column : ""), -1, expectation);
  }

  /** The file or resource being read. */
  public String source() {
    return source;
  }

  /**
   * Byte offset of the fault, or -1 when the fault is located otherwise (line, column) or not at
   * all.
   */
  public long offset() {
    return offset;
  }
}
