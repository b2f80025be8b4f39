package org.snncodesign.conversion.snn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;
import org.snncodesign.api.dataset.InputNormalization;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.conversion.ann.AnnLayer;
import org.snncodesign.conversion.ann.AnnModel;
import org.snncodesign.conversion.ann.AnnNetwork;
import org.snncodesign.conversion.ann.AnnWorkspace;
import org.snncodesign.conversion.ann.AvgPoolLayer;
import org.snncodesign.conversion.ann.BatchNormFolding;
import org.snncodesign.conversion.ann.Conv2dLayer;
import org.snncodesign.conversion.ann.DenseLayer;
import org.snncodesign.conversion.ann.FlattenLayer;
import org.snncodesign.conversion.ann.LabeledImages;
import org.snncodesign.conversion.ann.MaxPoolLayer;
import org.snncodesign.conversion.ann.ReluLayer;
import org.snncodesign.conversion.ann.ResidualAddLayer;
import org.snncodesign.conversion.ann.RouteLayer;
import org.snncodesign.conversion.ann.TensorShape;

/**
 * Converts a trained ANN into a {@link ConvertedNetwork}.
 *
 * <ol>
 *   <li>Batch norm is folded into the preceding layer, and {@code max_pool -> relu} is reordered to
 *       {@code relu -> max_pool} (they commute), so that pooling acts on spikes.
 *   <li>Every ReLU becomes a stage of spiking neurons; the linear layers between two ReLUs
 *       (convolution, dense, average pooling, flatten, residual sums) are composed into one fan-out
 *       matrix per source stage.
 *   <li>Data-based normalisation (Diehl et al., IJCNN 2015; Rueckauer et al., Front. Neurosci.
 *       2017, Sec. 2.2): {@code lambda_l} is the {@code p}-th percentile of layer {@code l}'s
 *       positive activations on calibration data (p = 99.9 by default, robust to outliers, unlike
 *       the maximum); weights become {@code W lambda_{l-1} / lambda_l} and biases {@code b /
 *       lambda_l}, so the threshold is 1 everywhere.
 * </ol>
 */
public final class AnnToSnnConverter {
  private final double percentile;

  /**
   * @param percentile in (0, 100], e.g. 99.9
   */
  public AnnToSnnConverter(double percentile) {
    Checks.checkArgument(
        percentile > 0 && percentile <= 100, "percentile must be in (0, 100], got %s", percentile);
    this.percentile = percentile;
  }

  /**
   * Converts {@code model}, normalising with {@code calibration} samples (a few hundred training
   * images suffice).
   *
   * @throws InvalidInputException naming the layer when the ANN has a structure that cannot be
   *     converted
   */
  public ConvertedNetwork convert(AnnModel model, LabeledImages calibration) {
    Checks.checkArgument(
        calibration.count() > 0, "conversion needs at least one calibration sample");
    AnnModel prepared = reorderPoolAndRelu(BatchNormFolding.fold(model));
    List<TensorShape> shapes = prepared.shapes();
    List<Draft> drafts = new ArrayList<>();
    drafts.add(Draft.input(shapes.get(0)));
    // The linear map each layer's output is, from the spiking stages before it: a residual or route
    // reads these.
    Map<String, Pending> valueOf = new HashMap<>();
    // A normalisation the model applies to its input becomes an affine map on the input stage,
    // which then carries
    // the non-negative pixels; composed through a padded convolution it gives border neurons their
    // own bias.
    Pending pending =
        prepared.normalizesInput()
            ? Pending.normalization(prepared.inputNormalization(), shapes.get(0))
            : Pending.identity(0, shapes.get(0));
    valueOf.put(ResidualAddLayer.INPUT, pending);
    List<AnnLayer> layers = prepared.layers();
    for (int i = 0; i < layers.size(); i++) {
      AnnLayer layer = layers.get(i);
      TensorShape in = shapes.get(i);
      TensorShape out = shapes.get(i + 1);
      if (layer instanceof Conv2dLayer c) {
        double[] own = new double[out.size()];
        int plane = out.height() * out.width();
        for (int k = 0; k < own.length; k++) {
          own[k] = c.bias()[k / plane];
        }
        pending = pending.then(LinearMaps.conv(c, in, out), own, out);
      } else if (layer instanceof DenseLayer d) {
        double[] own = new double[d.outputs()];
        for (int k = 0; k < own.length; k++) {
          own[k] = d.bias()[k];
        }
        pending = pending.then(LinearMaps.dense(d), own, out);
      } else if (layer instanceof AvgPoolLayer a) {
        pending = pending.then(LinearMaps.avgPool(a, in, out), null, out);
      } else if (layer instanceof FlattenLayer) {
        pending = pending.reshaped(out);
      } else if (layer instanceof ReluLayer) {
        if (pending.identityOf < 0) {
          drafts.add(Draft.spiking(layer.name(), out, pending, i));
          pending = Pending.identity(drafts.size() - 1, out);
        }
        // A ReLU straight on spikes (non-negative already) is the identity.
      } else if (layer instanceof MaxPoolLayer m) {
        if (pending.identityOf < 0) {
          throw new InvalidInputException(
              "max pool '"
                  + m.name()
                  + "' follows a linear layer without a ReLU;"
                  + " the converter needs max pooling on spikes (relu before or right after the pool)");
        }
        SparseRows windows = LinearMaps.transpose(LinearMaps.poolMembership(m, in, out));
        drafts.add(Draft.pool(m.name(), out, pending.identityOf, windows, i));
        pending = Pending.identity(drafts.size() - 1, out);
      } else if (layer instanceof ResidualAddLayer r) {
        pending = pending.plus(valueOf.get(r.from()), out);
      } else if (layer instanceof RouteLayer r) {
        pending = Pending.concatenation(r.from().stream().map(valueOf::get).toList(), out);
      } else {
        throw new InvalidInputException(
            "layer '"
                + layer.name()
                + "' of kind "
                + layer.getClass().getSimpleName()
                + " cannot be converted");
      }
      valueOf.put(layer.name(), pending);
    }
    drafts.add(Draft.output(pending.explicit()));
    double[] scales = calibrate(prepared, drafts, calibration);
    List<ConvertedNetwork.Stage> stages = new ArrayList<>();
    for (int s = 0; s < drafts.size(); s++) {
      stages.add(drafts.get(s).build(scales, s));
    }
    return new ConvertedNetwork(model.name(), stages, model.macs(), percentile, prepared);
  }

  /**
   * {@code max_pool; relu} becomes {@code relu; max_pool}: max and ReLU commute, and pooling then
   * sees spikes.
   */
  static AnnModel reorderPoolAndRelu(AnnModel model) {
    List<AnnLayer> layers = new ArrayList<>(model.layers());
    for (int i = 0; i + 1 < layers.size(); i++) {
      if (layers.get(i) instanceof MaxPoolLayer
          && layers.get(i + 1) instanceof ReluLayer
          && !model.skipSources().contains(layers.get(i).name())) {
        AnnLayer pool = layers.get(i);
        layers.set(i, layers.get(i + 1));
        layers.set(i + 1, pool);
      }
    }
    return model.withLayers(layers);
  }

  /** The percentile scale of every stage. */
  private double[] calibrate(AnnModel prepared, List<Draft> drafts, LabeledImages calibration) {
    AnnNetwork ann = new AnnNetwork(prepared);
    AnnWorkspace ws = ann.newWorkspace();
    int n = calibration.count();
    double[] scales = new double[drafts.size()];
    float[][] samples = new float[drafts.size()][];
    int[] filled = new int[drafts.size()];
    for (int s = 0; s < drafts.size(); s++) {
      Draft d = drafts.get(s);
      if (d.kind == StageKind.INPUT || d.kind == StageKind.SPIKING) {
        samples[s] = new float[(int) Math.min(Integer.MAX_VALUE - 8, (long) d.shape.size() * n)];
      }
    }
    for (int i = 0; i < n; i++) {
      ann.forward(ws, calibration.pixels(), calibration.offset(i));
      for (int s = 0; s < drafts.size(); s++) {
        if (samples[s] == null) {
          continue;
        }
        // The input stage codes the pixels themselves, before any normalisation the ANN applies to
        // them.
        boolean input = drafts.get(s).kind == StageKind.INPUT;
        float[] act = input ? calibration.pixels() : ws.activation(drafts.get(s).annLayer);
        int from = input ? calibration.offset(i) : 0;
        int to = input ? from + drafts.get(s).shape.size() : act.length;
        for (int k = from; k < to; k++) {
          float v = act[k];
          if (v > 0 && filled[s] < samples[s].length) {
            samples[s][filled[s]++] = v;
          }
        }
      }
    }
    for (int s = 0; s < drafts.size(); s++) {
      Draft d = drafts.get(s);
      if (samples[s] != null) {
        scales[s] = percentileOf(samples[s], filled[s], percentile);
      } else if (d.kind == StageKind.MAX_POOL) {
        scales[s] = scales[d.sources[0]];
      } else {
        scales[s] = 1;
      }
    }
    return scales;
  }

  /**
   * The {@code p}-th percentile (nearest rank) of the first {@code n} values; 1 when there are
   * none.
   */
  static double percentileOf(float[] values, int n, double p) {
    if (n == 0) {
      return 1;
    }
    Arrays.sort(values, 0, n);
    // The small guard keeps 99.9% of 1000 at rank 999 despite 0.999 * 1000 rounding to
    // 999.0000000000001.
    int rank = (int) Math.ceil(p / 100.0 * n - 1e-9) - 1;
    return values[Math.max(0, Math.min(n - 1, rank))];
  }

  /**
   * A linear map still being composed: terms by source stage and a bias, or the identity on one
   * stage.
   */
  private static final class Pending {
    final int identityOf;
    final Map<Integer, SparseRows> terms;
    final double[] bias;
    final TensorShape shape;

    private Pending(
        int identityOf, Map<Integer, SparseRows> terms, double[] bias, TensorShape shape) {
      this.identityOf = identityOf;
      this.terms = terms;
      this.bias = bias;
      this.shape = shape;
    }

    static Pending identity(int stage, TensorShape shape) {
      return new Pending(stage, Map.of(), null, shape);
    }

    /** {@code (x - m_c) / s_c} on the input stage (stage 0): a diagonal map and a bias. */
    static Pending normalization(InputNormalization n, TensorShape shape) {
      int size = shape.size();
      int plane = shape.height() * shape.width();
      SparseRows diagonal = SparseRows.identity(size);
      double[] bias = new double[size];
      for (int k = 0; k < size; k++) {
        int c = k / plane;
        diagonal.values[k] = (float) (1.0 / n.stdOf(c));
        bias[k] = -(double) n.meanOf(c) / n.stdOf(c);
      }
      return new Pending(-1, Map.of(0, diagonal), bias, shape);
    }

    Pending then(SparseRows map, double[] ownBias, TensorShape out) {
      Map<Integer, SparseRows> next = new LinkedHashMap<>();
      if (identityOf >= 0) {
        next.put(identityOf, map);
      } else {
        terms.forEach((source, m) -> next.put(source, m.times(map)));
      }
      double[] b = bias == null ? new double[out.size()] : map.leftMultiply(bias);
      if (ownBias != null) {
        for (int k = 0; k < b.length; k++) {
          b[k] += ownBias[k];
        }
      }
      return new Pending(-1, next, b, out);
    }

    Pending reshaped(TensorShape out) {
      return new Pending(identityOf, terms, bias, out);
    }

    /** The same map with the identity written as an explicit term, as a stage's input needs it. */
    Pending explicit() {
      if (identityOf < 0) {
        return this;
      }
      return new Pending(
          -1,
          Map.of(identityOf, SparseRows.identity(shape.size())),
          new double[shape.size()],
          shape);
    }

    /**
     * The sum of this map and {@code other} (a residual connection); terms from one source stage
     * merge.
     */
    Pending plus(Pending other, TensorShape out) {
      Pending a = explicit();
      Pending b = other.explicit();
      Map<Integer, SparseRows> next = new LinkedHashMap<>(a.terms);
      b.terms.forEach((source, m) -> next.merge(source, m, SparseRows::plus));
      double[] sum = a.bias.clone();
      for (int k = 0; k < sum.length; k++) {
        sum[k] += b.bias[k];
      }
      return new Pending(-1, next, sum, out);
    }

    /**
     * The concatenation of {@code parts} along the channels: each part's columns move to its block,
     * and parts fed by one source stage merge into one term. A single part is that part itself (a
     * jump back in the list).
     */
    static Pending concatenation(List<Pending> parts, TensorShape out) {
      if (parts.size() == 1) {
        return parts.get(0).reshaped(out);
      }
      Map<Integer, SparseRows> next = new LinkedHashMap<>();
      double[] bias = new double[out.size()];
      int offset = 0;
      for (Pending part : parts) {
        Pending p = part.explicit();
        int at = offset;
        p.terms.forEach(
            (source, m) -> next.merge(source, m.shifted(at, out.size()), SparseRows::plus));
        System.arraycopy(p.bias, 0, bias, offset, p.bias.length);
        offset += p.shape.size();
      }
      return new Pending(-1, next, bias, out);
    }
  }

  /** A stage before normalisation. */
  private static final class Draft {
    StageKind kind;
    String name;
    TensorShape shape;
    int[] sources;
    SparseRows[] maps;
    double[] bias;
    SparseRows windows;
    int annLayer;

    static Draft input(TensorShape shape) {
      Draft d = new Draft();
      d.kind = StageKind.INPUT;
      d.name = "input";
      d.shape = shape;
      d.annLayer = -1;
      return d;
    }

    static Draft spiking(String name, TensorShape shape, Pending p, int annLayer) {
      Draft d = fromPending(p);
      d.kind = StageKind.SPIKING;
      d.name = name;
      d.shape = shape;
      d.annLayer = annLayer;
      return d;
    }

    static Draft pool(
        String name, TensorShape shape, int source, SparseRows windows, int annLayer) {
      Draft d = new Draft();
      d.kind = StageKind.MAX_POOL;
      d.name = name;
      d.shape = shape;
      d.sources = new int[] {source};
      d.windows = windows;
      d.annLayer = annLayer;
      return d;
    }

    static Draft output(Pending p) {
      Draft d = fromPending(p);
      d.kind = StageKind.OUTPUT;
      d.name = "output";
      d.shape = p.shape;
      d.annLayer = -2;
      return d;
    }

    private static Draft fromPending(Pending p) {
      Draft d = new Draft();
      d.sources = p.terms.keySet().stream().mapToInt(Integer::intValue).toArray();
      d.maps = p.terms.values().toArray(new SparseRows[0]);
      d.bias = p.bias;
      return d;
    }

    ConvertedNetwork.Stage build(double[] scales, int self) {
      double own = scales[self];
      CsrMatrix[] fanouts = null;
      float[] b = null;
      if (maps != null) {
        fanouts = new CsrMatrix[maps.length];
        for (int t = 0; t < maps.length; t++) {
          fanouts[t] = maps[t].scaled(scales[sources[t]], 1 / own).toCsr();
        }
        b = new float[bias.length];
        for (int k = 0; k < b.length; k++) {
          b[k] = (float) (bias[k] / own);
        }
      }
      return new ConvertedNetwork.Stage(
          kind, name, shape, sources, fanouts, b, windows == null ? null : windows.toCsr(), own);
    }
  }
}
