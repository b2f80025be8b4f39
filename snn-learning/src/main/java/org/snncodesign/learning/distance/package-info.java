/**
 * Distances between spike trains, to compare a network's output with a target train or two
 * simulations with each other: the van Rossum distance (trains filtered by an exponential kernel,
 * closed form) and the Victor-Purpura distance (the cheapest edit of one train into the other).
 * Both cost O(n m) for trains of n and m spikes.
 */
package org.snncodesign.learning.distance;
