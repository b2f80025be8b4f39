package org.snncodesign.conversion.onnx;

import org.snncodesign.api.InvalidInputException;

/**
 * An ONNX file that cannot be imported: corrupt or truncated protobuf bytes, a tensor whose data
 * does not match its dimensions, an operator or attribute value the ANN description cannot express,
 * or a graph that is not a chain. The message names the file and, where there is one, the node and
 * its operator.
 */
public final class OnnxImportException extends InvalidInputException {
  private final String opType;
  private final String nodeName;

  /** A problem not tied to one node (corrupt bytes, missing graph input). */
  public OnnxImportException(String message) {
    this(message, null, null, null);
  }

  /** A problem with one node; {@code opType} and {@code nodeName} may be null when unknown. */
  public OnnxImportException(String message, String opType, String nodeName, Throwable cause) {
    super(message, cause);
    this.opType = opType;
    this.nodeName = nodeName;
  }

  /** Operator type of the offending node, or null when the problem is not a node's. */
  public String opType() {
    return opType;
  }

  /** Name of the offending node, or null when the problem is not a node's. */
  public String nodeName() {
    return nodeName;
  }
}
