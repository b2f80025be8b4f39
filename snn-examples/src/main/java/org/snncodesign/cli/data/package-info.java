/** {@code snn data}: data-set inspection and sample rendering. */
package org.snncodesign.cli.data;
