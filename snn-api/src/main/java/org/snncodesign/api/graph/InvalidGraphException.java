package org.snncodesign.api.graph;

import org.snncodesign.api.InvalidInputException;

/**
 * A graph that does not hold together: an unknown node, a dangling edge, shapes that do not meet.
 */
public class InvalidGraphException extends InvalidInputException {
  public InvalidGraphException(String message) {
    super(message);
  }

  public InvalidGraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
