/** Neuron-engine commands of the CLI: {@code snn bench cuba}, the CUBA benchmark network. */
package org.snncodesign.cli.neurons;
