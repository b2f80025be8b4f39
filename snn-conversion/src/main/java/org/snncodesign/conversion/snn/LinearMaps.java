package org.snncodesign.conversion.snn;

import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.TensorShape;

/** Fan-out matrices (rows = inputs, columns = outputs) of the linear layers. */
final class LinearMaps {
  private LinearMaps() {}

  static SparseRows conv(Conv2dLayer c, TensorShape in, TensorShape out) {
    int nIn = in.size();
    int[] counts = new int[nIn + 1];
    // Two passes: count entries per input row, then fill; outputs are visited in ascending index
    // order, so the
    // columns of every row come out sorted.
    for (int pass = 0; pass < 2; pass++) {
      int[] fill = pass == 1 ? counts.clone() : null;
      int[] cols = pass == 1 ? new int[counts[nIn]] : null;
      float[] vals = pass == 1 ? new float[counts[nIn]] : null;
      for (int o = 0; o < c.outChannels(); o++) {
        for (int oy = 0; oy < out.height(); oy++) {
          for (int ox = 0; ox < out.width(); ox++) {
            int col = (o * out.height() + oy) * out.width() + ox;
            int perGroup = c.inChannels() / c.groups();
            int firstChannel = o / (c.outChannels() / c.groups()) * perGroup;
            for (int local = 0; local < perGroup; local++) {
              int ch = firstChannel + local;
              for (int u = 0; u < c.kernelHeight(); u++) {
                int iy = oy * c.stride() - c.padding() + u;
                if (iy < 0 || iy >= in.height()) {
                  continue;
                }
                for (int v = 0; v < c.kernelWidth(); v++) {
                  int ix = ox * c.stride() - c.padding() + v;
                  if (ix < 0 || ix >= in.width()) {
                    continue;
                  }
                  float w =
                      c.weights()[
                          ((o * perGroup + local) * c.kernelHeight() + u) * c.kernelWidth() + v];
                  if (w == 0f) {
                    continue;
                  }
                  int row = (ch * in.height() + iy) * in.width() + ix;
                  if (pass == 0) {
                    counts[row + 1]++;
                  } else {
                    cols[fill[row]] = col;
                    vals[fill[row]++] = w;
                  }
                }
              }
            }
          }
        }
      }
      if (pass == 0) {
        for (int r = 0; r < nIn; r++) {
          counts[r + 1] += counts[r];
        }
      } else {
        return new SparseRows(nIn, out.size(), counts, cols, vals);
      }
    }
    throw new AssertionError();
  }

  static SparseRows dense(DenseLayer d) {
    SparseRows.IntFloatList list = new SparseRows.IntFloatList(d.weights().length);
    int[] p = new int[d.inputs() + 1];
    for (int i = 0; i < d.inputs(); i++) {
      for (int o = 0; o < d.outputs(); o++) {
        float w = d.weights()[o * d.inputs() + i];
        if (w != 0f) {
          list.add(o, w);
        }
      }
      p[i + 1] = list.size;
    }
    return new SparseRows(d.inputs(), d.outputs(), p, list.ints(), list.floats());
  }

  /** Average pooling; padding counts as zeros, so every window entry weighs {@code 1 / size^2}. */
  static SparseRows avgPool(AvgPoolLayer a, TensorShape in, TensorShape out) {
    return windows(a.size(), a.stride(), a.padding(), 1f / (a.size() * a.size()), in, out);
  }

  /**
   * Fan-out of max pooling windows: entry (input, output) = 1 where the input lies in the output's
   * window.
   */
  static SparseRows poolMembership(MaxPoolLayer m, TensorShape in, TensorShape out) {
    return windows(m.size(), m.stride(), m.padding(), 1f, in, out);
  }

  /**
   * Entry (input, output) = {@code weight} where the input lies in the output's window, per
   * channel.
   */
  private static SparseRows windows(
      int size, int stride, int padding, float weight, TensorShape in, TensorShape out) {
    SparseRows.IntFloatList list = new SparseRows.IntFloatList(in.size() * 4);
    int[] p = new int[in.size() + 1];
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < in.height(); y++) {
        for (int x = 0; x < in.width(); x++) {
          int row = (c * in.height() + y) * in.width() + x;
          for (int oy = 0; oy < out.height(); oy++) {
            int top = oy * stride - padding;
            if (y < top || y >= top + size) {
              continue;
            }
            for (int ox = 0; ox < out.width(); ox++) {
              int left = ox * stride - padding;
              if (x >= left && x < left + size) {
                list.add((c * out.height() + oy) * out.width() + ox, weight);
              }
            }
          }
          p[row + 1] = list.size;
        }
      }
    }
    return new SparseRows(in.size(), out.size(), p, list.ints(), list.floats());
  }

  /** Transpose (rows become columns). */
  static SparseRows transpose(SparseRows m) {
    int[] p = new int[m.cols + 1];
    for (int k = 0; k < m.pointers[m.rows]; k++) {
      p[m.columns[k] + 1]++;
    }
    for (int c = 0; c < m.cols; c++) {
      p[c + 1] += p[c];
    }
    int[] fill = p.clone();
    int[] cols = new int[m.pointers[m.rows]];
    float[] vals = new float[cols.length];
    for (int r = 0; r < m.rows; r++) {
      for (int k = m.pointers[r]; k < m.pointers[r + 1]; k++) {
        int c = m.columns[k];
        cols[fill[c]] = r;
        vals[fill[c]++] = m.values[k];
      }
    }
    return new SparseRows(m.cols, m.rows, p, cols, vals);
  }
}
