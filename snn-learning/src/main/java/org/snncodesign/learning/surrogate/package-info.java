/**
 * Direct training of feed-forward spiking networks by backpropagation through time with surrogate
 * gradients, their layers, JSON form and graph mapping.
 */
package org.snncodesign.learning.surrogate;
