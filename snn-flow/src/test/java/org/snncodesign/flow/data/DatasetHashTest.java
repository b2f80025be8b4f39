package org.snncodesign.flow.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetHashTest {

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a plugin's file is hashed with its test part after it, and each part counts")
  void fileAndTestPart(@TempDir Path dir) throws Exception {
    Path train = Files.writeString(dir.resolve("points-train.csv"), "1,2,a\n");
    assertThat(DatasetHash.of("csv", train)).isEqualTo(sha256(utf8("1,2,a\n")));
    Path test = Files.writeString(dir.resolve("points-test.csv"), "3,4,b\n");
    assertThat(DatasetHash.of("csv", train)).isEqualTo(sha256(utf8("1,2,a\n3,4,b\n")));
    Files.writeString(test, "3,4,a\n");
    assertThat(DatasetHash.of("csv", train)).isEqualTo(sha256(utf8("1,2,a\n3,4,a\n")));
  }

  @Test
  @DisplayName(
      "a folder is hashed file by file in the order of their relative paths, each path, a zero"
          + " byte and its bytes, so renaming a file changes the hash")
  void folder(@TempDir Path dir) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("recordings"));
    Files.createDirectories(folder.resolve("b"));
    Files.writeString(folder.resolve("b").resolve("0_x.wav"), "zero");
    Files.writeString(folder.resolve("a.wav"), "one");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(utf8("a.wav\0one"));
    expected.writeBytes(utf8("b/0_x.wav\0zero"));
    assertThat(DatasetHash.of("wav", folder)).isEqualTo(sha256(expected.toByteArray()));
    Files.move(folder.resolve("a.wav"), folder.resolve("c.wav"));
    assertThat(DatasetHash.of("wav", folder)).isNotEqualTo(sha256(expected.toByteArray()));
  }

  @Test
  @DisplayName("the embedded digits and a plugin without a path have no hash")
  void none() throws Exception {
    assertThat(DatasetHash.of("digits", null)).isNull();
    assertThat(DatasetHash.of("csv", null)).isNull();
  }
}
