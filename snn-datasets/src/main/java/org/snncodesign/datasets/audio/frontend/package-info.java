/**
 * Audio front ends that turn waveforms into band energies for spiking networks: a mel filter bank over the
 * short-time power spectrum, silence trimming and level normalisation to [0, 1]. The liquid state machine of
 * snn-learning rate-codes the normalised energies into input spikes.
 */
package org.snncodesign.datasets.audio.frontend;
