package org.snncodesign.api;

/**
 * Base of the framework's errors. Messages say what was wrong and where (file, offset, layer,
 * plugin).
 */
public class SnnException extends RuntimeException {
  public SnnException(String message) {
    super(message);
  }

  public SnnException(String message, Throwable cause) {
    super(message, cause);
  }
}
