/**
 * Audio data: a hardened PCM WAV reader with resampling, Free Spoken Digit Dataset file names,
 * folders of clips, and the {@code wav} provider.
 */
package org.snncodesign.datasets.audio;
