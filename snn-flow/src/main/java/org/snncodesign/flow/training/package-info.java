/** The flow's training step: the default digits network of {@code snn demo}, trained in seconds. */
package org.snncodesign.flow.training;
