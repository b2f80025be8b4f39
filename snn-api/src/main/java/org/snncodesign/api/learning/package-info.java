/**
 * Local synaptic learning rules as plugins: {@link org.snncodesign.api.learning.LearningRule}
 * changes existing weights from pre- and postsynaptic spikes.
 */
package org.snncodesign.api.learning;
