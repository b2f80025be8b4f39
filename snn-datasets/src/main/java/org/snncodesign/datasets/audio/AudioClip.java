package org.snncodesign.datasets.audio;

import java.nio.file.Path;

/**
 * One labelled recording of an audio folder, for tasks that need the waveform itself (e.g. a liquid
 * state machine fed with cochlear features).
 *
 * @param file where it was read from
 * @param name label, speaker and take parsed from the file name
 * @param audio the waveform at the folder reader's target rate
 */
public record AudioClip(Path file, FsddName name, WavFile audio) {}
