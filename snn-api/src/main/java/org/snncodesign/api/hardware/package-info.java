/**
 * Hardware backends: the {@link org.snncodesign.api.hardware.Accelerator} contract, the {@link
 * org.snncodesign.api.hardware.Workload} it prices, the {@link
 * org.snncodesign.api.hardware.HardwareReport} it returns and the design spaces a co-search
 * explores.
 */
package org.snncodesign.api.hardware;
