package org.snncodesign.api;

/**
 * Bad input from a user or a file: a corrupt file, a wrong shape, a negative time step. The message
 * names the offending value and its place (file and byte offset, layer name, parameter name).
 */
public class InvalidInputException extends SnnException {
  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
