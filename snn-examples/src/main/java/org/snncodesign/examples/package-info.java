/** Short runnable example programs that use the library modules the way a user's own code would. */
package org.snncodesign.examples;
