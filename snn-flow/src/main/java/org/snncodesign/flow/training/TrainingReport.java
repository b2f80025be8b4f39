package org.snncodesign.flow.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.util.Locale;
import org.snncodesign.api.sparse.BitmapMatrix;
import org.snncodesign.api.sparse.CsrMatrix;
import org.snncodesign.flow.data.DatasetHash;
import org.snncodesign.learning.quantization.QuantizedWeights;
import org.snncodesign.learning.surrogate.NetworkArchitecture;
import org.snncodesign.learning.surrogate.SpikingLayer;
import org.snncodesign.learning.surrogate.SpikingNetwork;

/**
 * The figures of a {@link SurrogateGradientTraining} run, in the order {@code snn train} reports
 * them; Jackson writes it with snake-case keys ({@code test_accuracy}), {@code dataset_sha256} only
 * for data read from files.
 *
 * @param dataset the data set's name
 * @param datasetSha256 SHA-256 of the files read ({@link DatasetHash#of}: an IDX data set's four
 *     files, a data-set plugin's file and its test part), null for the embedded digits
 * @param architecture the trained layers ({@link NetworkArchitecture#describe})
 * @param timesteps time steps per sample
 * @param neuron {@code IF} or {@code LIF} for the built-in neurons (beta 1 or below), else the
 *     plugin name of the network's neuron model
 * @param beta membrane decay per step
 * @param readout read-out of the last layer, lower case
 * @param surrogate surrogate derivative, lower case
 * @param epochs epochs trained
 * @param trainSamples training samples
 * @param testSamples test samples
 * @param testAccuracy test accuracy after the last epoch
 * @param trainAccuracy training accuracy of the last epoch
 * @param finalLoss mean loss of the last epoch
 * @param targetSparsity the sparsity gradient rewiring aimed at
 * @param weightSparsity the trained network's fraction of zero weights
 * @param bits weight bits (32 for float weights)
 * @param synapses weights of the network (a conv kernel counted once)
 * @param nonzeroSynapses weights that are not zero (quantised levels for LSQ weights)
 * @param bitmapWeightBytes bytes of the weights stored as bitmaps of non-zeros plus their values at
 *     {@code bits}
 * @param denseFloatWeightBytes bytes of the weights as dense 32-bit floats
 * @param trainSeconds seconds spent in training passes (varies from run to run)
 * @param threads trainer threads
 * @param seed the seed of the run
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder(alphabetic = false)
public record TrainingReport(
    String dataset,
    @JsonInclude(JsonInclude.Include.NON_NULL) String datasetSha256,
    String architecture,
    int timesteps,
    String neuron,
    float beta,
    String readout,
    String surrogate,
    int epochs,
    int trainSamples,
    int testSamples,
    double testAccuracy,
    double trainAccuracy,
    double finalLoss,
    double targetSparsity,
    double weightSparsity,
    int bits,
    long synapses,
    long nonzeroSynapses,
    long bitmapWeightBytes,
    long denseFloatWeightBytes,
    double trainSeconds,
    int threads,
    long seed) {

  /**
   * The report of {@code result}.
   *
   * @throws IOException when the data set's files cannot be read for their hash
   */
  static TrainingReport of(SurrogateGradientTraining.Result result) throws IOException {
    SurrogateGradientTraining training = result.training();
    SurrogateGradientTraining.Settings settings = training.settings();
    SpikingNetwork network = result.network();
    String sha256 = DatasetHash.of(settings.dataset(), settings.dataDir());
    int bits = settings.bits();
    long nonZeros = 0;
    long bitmapBytes = 0;
    for (SpikingLayer layer : network.layers()) {
      // A conv kernel is stored as its (k k C_in) x C_out weight matrix.
      BitmapMatrix bitmap =
          bits > 0
              ? QuantizedWeights.of(layer).levelsAsBitmap()
              : BitmapMatrix.fromCsr(
                  CsrMatrix.fromDense(layer.weightRows(), layer.weightCols(), layer.weights()));
      nonZeros += bitmap.nonZeros();
      bitmapBytes += bitmap.storageBytes(bits == 0 ? 32 : bits);
    }
    SurrogateGradientTraining.Epoch last =
        result.epochs().isEmpty() ? null : result.epochs().get(result.epochs().size() - 1);
    return new TrainingReport(
        training.data().name(),
        sha256,
        NetworkArchitecture.describe(network.layers()),
        settings.timesteps(),
        network.hasBuiltInNeurons()
            ? settings.beta() == 1f ? "IF" : "LIF"
            : network.neuronModel().name(),
        settings.beta(),
        network.readout().name().toLowerCase(Locale.ROOT),
        settings.surrogate().name().toLowerCase(Locale.ROOT),
        training.epochs(),
        training.data().trainLabels().length,
        training.data().testLabels().length,
        result.testAccuracy(),
        last == null ? 0 : last.train().trainAccuracy(),
        last == null ? 0 : last.train().loss(),
        settings.sparsity(),
        network.weightSparsity(),
        bits == 0 ? 32 : bits,
        network.synapses(),
        nonZeros,
        bitmapBytes,
        4 * network.synapses(),
        result.trainSeconds(),
        result.threads(),
        settings.seed());
  }
}
