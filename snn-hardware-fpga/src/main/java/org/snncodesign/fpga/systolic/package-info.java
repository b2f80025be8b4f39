/**
 * The SpikeX-style systolic array: design point, dataflows and a cycle-level model over measured or
 * statistical layer views.
 */
package org.snncodesign.fpga.systolic;
