package org.snncodesign.flow.report;

import java.nio.file.FileSystemException;
import org.snncodesign.api.InvalidInputException;

/**
 * The one line a command prints for an error: what went wrong and on which file or value, without a
 * stack trace. Shared by {@code snn} and {@code snn-spark} so both say the same.
 */
public final class ErrorLine {
  private ErrorLine() {}

  /**
   * The message of the exception a user can act on: the innermost one with a message, or a file
   * error with its reason ("no such file or folder: FILE"), on one line.
   *
   * @param thrown the error a command caught
   * @return the line to print after the command's name
   */
  public static String describe(Throwable thrown) {
    String message = null;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException file) {
        return oneLine(describe(file));
      }
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
        if (t instanceof InvalidInputException) {
          break;
        }
      }
    }
    return message == null ? thrown.getClass().getSimpleName() : oneLine(message);
  }

  /**
   * A file error with its reason, which the JDK keeps in the exception's type: "access denied:
   * /sys/x".
   */
  private static String describe(FileSystemException file) {
    String kind =
        switch (file.getClass().getSimpleName()) {
          case "NoSuchFileException" -> "no such file or folder";
          case "AccessDeniedException" -> "access denied";
          case "FileAlreadyExistsException" -> "already exists";
          case "NotDirectoryException" -> "not a folder";
          case "DirectoryNotEmptyException" -> "folder not empty";
          default -> file.getClass().getSimpleName();
        };
    String reason = file.getReason() == null ? "" : " (" + file.getReason() + ")";
    return kind
        + reason
        + ": "
        + file.getFile()
        + (file.getOtherFile() == null ? "" : " -> " + file.getOtherFile());
  }

  /**
   * {@code text} on one line: its line breaks become "; ".
   *
   * @param text a message
   * @return the message on one line
   */
  public static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
