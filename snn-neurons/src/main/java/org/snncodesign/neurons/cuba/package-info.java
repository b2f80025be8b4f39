/** The CUBA benchmark network of Brette et al. 2007 and its in-process timing. */
package org.snncodesign.neurons.cuba;
