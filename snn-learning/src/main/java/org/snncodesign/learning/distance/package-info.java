/**
 * Distances between spike trains: van Rossum and Victor-Purpura.
 */
package org.snncodesign.learning.distance;
