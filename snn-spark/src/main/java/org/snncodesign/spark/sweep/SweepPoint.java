package org.snncodesign.spark.sweep;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a sweep: a step, the parameter values the sweep file gives it, and a seed.
 *
 * @param index position in the sweep's order (settings in file order, seeds fastest)
 * @param step the {@link org.snncodesign.flow.sweep.SweepStep} name
 * @param setting parameter values as read from the sweep file (Long, Double, Boolean or String), in
 *     file order
 * @param seed the run's seed
 */
public record SweepPoint(int index, String step, LinkedHashMap<String, Object> setting, long seed)
    implements Serializable {

  public SweepPoint {
    setting = new LinkedHashMap<>(setting);
  }

  @Override
  public LinkedHashMap<String, Object> setting() {
    return new LinkedHashMap<>(setting);
  }

  /** The setting as an unmodifiable view, for reading without a copy. */
  public Map<String, Object> settingView() {
    return Collections.unmodifiableMap(setting);
  }

  /**
   * What the point computes, independent of its index: a hash of the step, the seed and the setting
   * (names sorted, values with their types). A resumed sweep skips a point whose key already has a
   * result, even when the sweep file was reordered or extended.
   */
  public String key() {
    StringBuilder text = new StringBuilder(step).append('|').append(seed);
    new TreeMap<>(setting)
        .forEach(
            (name, value) ->
                text.append('|')
                    .append(name)
                    .append('=')
                    .append(value.getClass().getSimpleName())
                    .append(':')
                    .append(value));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
