package org.snncodesign.nir;

import org.snncodesign.api.InvalidInputException;

/**
 * A {@code .nir} file that cannot be read as a network: not HDF5, truncated, a node type NIR does
 * not define, a missing or malformed parameter, edges that do not fit. The message names the file,
 * and where it applies the node, its type and the field, and says what was expected.
 */
public class InvalidNirFileException extends InvalidInputException {
  public InvalidNirFileException(String message) {
    super(message);
  }

  public InvalidNirFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
