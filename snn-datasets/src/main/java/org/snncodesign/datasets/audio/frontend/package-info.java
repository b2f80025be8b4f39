/**
 * Audio front ends that turn waveforms into band energies for spiking networks: a mel filter bank
 * over the short-time power spectrum, silence trimming and level normalisation to [0, 1], and Ben's
 * Spiker Algorithm ({@link org.snncodesign.datasets.audio.frontend.BsaEncoder}) that codes the band
 * envelopes into spike trains which a FIR filter decodes back. The liquid state machine of
 * snn-learning rate-codes the normalised energies by default; {@code snn lsm --encoding bsa} uses
 * BSA instead.
 */
package org.snncodesign.datasets.audio.frontend;
