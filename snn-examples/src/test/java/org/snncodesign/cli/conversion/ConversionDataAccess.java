package org.snncodesign.cli.conversion;

import java.io.IOException;
import java.nio.file.Path;
import org.snncodesign.conversion.ann.LabeledImages;

/** Test access to the package-private MNIST loader of the convert command. */
public final class ConversionDataAccess {
  private ConversionDataAccess() {}

  public static LabeledImages load(Path dir, String prefix, int limit) throws IOException {
    return ConversionData.load(dir, prefix, limit);
  }
}
