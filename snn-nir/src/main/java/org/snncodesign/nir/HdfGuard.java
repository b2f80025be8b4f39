package org.snncodesign.nir;

import java.util.function.Supplier;

/**
 * Runs one call into the HDF5 library. A damaged file makes jHDF fail in many ways (its own
 * exceptions, buffer under- and overflows, bad casts, arithmetic overflow, deep recursion on
 * looping links); each becomes one {@link InvalidNirFileException} that names the file and the
 * object being read.
 */
final class HdfGuard {
  private HdfGuard() {}

  static <T> T call(Supplier<T> call, String file, String object) {
    try {
      return call.get();
    } catch (RuntimeException | StackOverflowError e) {
      throw new InvalidNirFileException(
          file
              + ": corrupt or unsupported HDF5 while reading "
              + object
              + " ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          e);
    }
  }
}
