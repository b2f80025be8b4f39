/**
 * Liquid-state-machine studies as library calls: classification tasks as liquid input spikes
 * ({@link org.snncodesign.flow.lsm.LsmTask}), the pruning study of {@code snn lsm} ({@link
 * org.snncodesign.flow.lsm.LsmStudy}), speaker-independent pruning evaluation, input plasticity by
 * a learning-rule plugin, and a liquid on the LUT-based LSM accelerator.
 */
package org.snncodesign.flow.lsm;
