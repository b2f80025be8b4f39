/**
 * A small vision transformer on primitive arrays: description, JSON form, forward/backward and
 * trainer.
 */
package org.snncodesign.conversion.transformer;
