/**
 * Writing files whole: {@link org.snncodesign.api.io.AtomicFile} writes under a temporary name and
 * moves the file in when complete, for every module that writes models, graphs and reports.
 */
package org.snncodesign.api.io;
