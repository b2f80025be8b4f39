package org.snncodesign.conversion.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;

class OnnxFuzzTest {

  /**
   * One random corruption: flip a bit, overwrite a byte, truncate, insert or delete a run, or
   * duplicate one.
   */
  private static byte[] mutate(byte[] valid, SplittableRandom r) {
    byte[] b = valid.clone();
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits && b.length > 0; e++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> b[at] = (byte) r.nextInt(256);
        case 2 -> b = Arrays.copyOf(b, at);
        case 3 -> {
          byte[] run = new byte[1 + r.nextInt(8)];
          for (int k = 0; k < run.length; k++) {
            run[k] = (byte) r.nextInt(256);
          }
          byte[] c = new byte[b.length + run.length];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(run, 0, c, at, run.length);
          System.arraycopy(b, at, c, at + run.length, b.length - at);
          b = c;
        }
        case 4 -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(16));
          byte[] c = new byte[b.length - len];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + len, c, at, b.length - at - len);
          b = c;
        }
        default -> {
          // A varint length set to a huge value: the classic way to make a naive reader allocate
          // gigabytes.
          b[at] = (byte) 0xff;
          if (at + 4 < b.length) {
            b[at + 1] = (byte) 0xff;
            b[at + 2] = (byte) 0xff;
            b[at + 3] = (byte) 0x7f;
          }
        }
      }
    }
    return b;
  }

  @Test
  @DisplayName(
      "Thousands of seeded corruptions of a valid model either import or fail with an"
          + " OnnxImportException, never another exception")
  void mutationsNeverCrash() {
    byte[] valid = new LeNetFixture(9).bytes(false, true, false);
    SplittableRandom r = new SplittableRandom(2024);
    int imported = 0;
    int rejected = 0;
    for (int i = 0; i < 4000; i++) {
      byte[] bytes = mutate(valid, r);
      try {
        AnnModel model = OnnxImporter.fromBytes(bytes, "fuzz", null);
        // An imported model must also compile and run (a mutated float weight is still a model).
        AnnNetwork net = new AnnNetwork(model);
        net.forward(net.newWorkspace(), new float[model.inputShape().size()], 0);
        imported++;
      } catch (OnnxImportException e) {
        assertThat(e.getMessage()).as("mutation %d", i).isNotBlank();
        rejected++;
      } catch (RuntimeException | Error e) {
        throw new AssertionError("mutation " + i + " crashed the importer with " + e, e);
      }
    }
    assertThat(rejected).isGreaterThan(1000);
    assertThat(imported).isGreaterThan(10);
  }
}
