package org.snncodesign.conversion.ann;

import java.util.List;
import org.snncodesign.api.Checks;
import org.snncodesign.api.InvalidInputException;

/**
 * An {@link AnnModel} compiled for execution on primitive arrays: inference, and the backward pass
 * of softmax cross-entropy used by the trainer. The network reads the model's weight arrays
 * directly, so updates made to them (by training) take effect at once. Thread-safe as long as each
 * thread uses its own {@link AnnWorkspace} and nobody writes weights during a forward pass.
 */
public final class AnnNetwork {
  final AnnModel model;
  final LayerOp[] ops;
  final TensorShape[] shapes;
  private final boolean normalizesInput;

  /** Compiles {@code model}; fails naming the layer if shapes do not fit. */
  public AnnNetwork(AnnModel model) {
    this.model = model;
    List<TensorShape> list = model.shapes();
    this.shapes = list.toArray(new TensorShape[0]);
    this.normalizesInput = model.normalizesInput();
    this.ops = new LayerOp[model.layers().size()];
    for (int i = 0; i < ops.length; i++) {
      AnnLayer layer = model.layers().get(i);
      TensorShape in = shapes[i];
      TensorShape out = shapes[i + 1];
      ops[i] = compile(model, layer, in, out);
    }
  }

  private LayerOp compile(AnnModel model, AnnLayer layer, TensorShape in, TensorShape out) {
    if (layer instanceof DenseLayer d) {
      return new DenseOp(d, in, out);
    } else if (layer instanceof Conv2dLayer c) {
      return new ConvOp(c, in, out);
    } else if (layer instanceof MaxPoolLayer m) {
      return new PoolOp(true, m.size(), m.stride(), m.padding(), in, out);
    } else if (layer instanceof AvgPoolLayer a) {
      return new PoolOp(false, a.size(), a.stride(), a.padding(), in, out);
    } else if (layer instanceof ReluLayer r) {
      return ElementwiseOp.relu(r, in);
    } else if (layer instanceof FlattenLayer f) {
      return new ElementwiseOp(ElementwiseOp.Kind.COPY, f.name(), in, out, null, -1);
    } else if (layer instanceof BatchNormLayer b) {
      return new ElementwiseOp(ElementwiseOp.Kind.BATCH_NORM, b.name(), in, out, b, -1);
    } else if (layer instanceof ResidualAddLayer r) {
      return new ElementwiseOp(
          ElementwiseOp.Kind.RESIDUAL, r.name(), in, out, null, model.indexOf(r.from()) + 1);
    } else if (layer instanceof RouteLayer r) {
      int[] sources = r.from().stream().mapToInt(from -> model.indexOf(from) + 1).toArray();
      int[] sizes = java.util.Arrays.stream(sources).map(k -> shapes[k].size()).toArray();
      return new RouteOp(sources, sizes, in, out);
    }
    throw new AssertionError("unknown layer kind " + layer.getClass());
  }

  public AnnModel model() {
    return model;
  }

  /** Fresh buffers for one thread. */
  public AnnWorkspace newWorkspace() {
    return new AnnWorkspace(this);
  }

  /**
   * Runs one sample, read from {@code data[offset, offset + inputSize)} (raw values divided by the
   * pixel scale), and returns the logits (the workspace's buffer, overwritten by the next call). A
   * model whose normalisation is not folded into its first layer has it applied to the copied input
   * first ({@link AnnModel#normalizesInput()}).
   */
  public float[] forward(AnnWorkspace ws, float[] data, int offset) {
    float[] input = ws.activations[0];
    System.arraycopy(data, offset, input, 0, input.length);
    if (normalizesInput) {
      model.inputNormalization().apply(input, 0, input.length, shapes[0].channels());
    }
    for (int i = 0; i < ops.length; i++) {
      ops[i].forward(ws, i);
    }
    return ws.activations[ops.length];
  }

  /** Class with the highest logit for one sample (lowest index on ties). */
  public int predict(AnnWorkspace ws, float[] data, int offset) {
    return argmax(forward(ws, data, offset));
  }

  /**
   * After {@link #forward}, back-propagates softmax cross-entropy against {@code label}, adding the
   * parameter gradients into the workspace, and returns the sample's loss {@code -log
   * softmax(z)[label]}.
   */
  public double backward(AnnWorkspace ws, int label) {
    float[] z = ws.activations[ops.length];
    Checks.checkArgument(
        label >= 0 && label < z.length, "label %d outside [0, %d)", label, z.length);
    double loss = SoftmaxCrossEntropy.lossAndGradient(z, label, ws.gradients[ops.length]);
    for (int i = 0; i < ops.length; i++) {
      java.util.Arrays.fill(ws.gradients[i], 0f);
    }
    for (int i = ops.length - 1; i >= 0; i--) {
      ops[i].backward(ws, i);
    }
    return loss;
  }

  /** Gradient of the loss with respect to the input, valid after {@link #backward}. */
  public float[] inputGradient(AnnWorkspace ws) {
    return ws.gradients[0];
  }

  /** Weights of layer {@code i}, the model's own array (null for layers without parameters). */
  public float[] weights(int i) {
    return ops[i].weights();
  }

  /** Biases of layer {@code i}, the model's own array (null for layers without parameters). */
  public float[] bias(int i) {
    return ops[i].bias();
  }

  /** Number of layers. */
  public int layers() {
    return ops.length;
  }

  /**
   * Fraction of {@code images} classified correctly, evaluated on {@code threads} threads.
   *
   * @throws InvalidInputException when the sample shape is not the model's input shape
   */
  public double accuracy(LabeledImages images, int threads) {
    int[] predictions = predictAll(images, threads);
    int correct = 0;
    for (int i = 0; i < predictions.length; i++) {
      if (predictions[i] == images.labels()[i]) {
        correct++;
      }
    }
    return images.count() == 0 ? 0 : (double) correct / images.count();
  }

  /** Predicted class of every sample, evaluated on {@code threads} threads. */
  public int[] predictAll(LabeledImages images, int threads) {
    Checks.positive(threads, "threads");
    if (images.shape().size() != shapes[0].size()) {
      throw new InvalidInputException(
          "samples of shape "
              + images.shape()
              + " do not fit model '"
              + model.name()
              + "' with input "
              + shapes[0]);
    }
    int n = images.count();
    int[] predictions = new int[n];
    ParallelSlices.run(
        n,
        ParallelSlices.workers(n, threads),
        (worker, from, to) -> {
          AnnWorkspace ws = newWorkspace();
          for (int i = from; i < to; i++) {
            predictions[i] = predict(ws, images.pixels(), images.offset(i));
          }
        });
    return predictions;
  }

  /** Index of the largest value (lowest index on ties). */
  public static int argmax(float[] values) {
    int best = 0;
    for (int k = 1; k < values.length; k++) {
      if (values[k] > values[best]) {
        best = k;
      }
    }
    return best;
  }
}
