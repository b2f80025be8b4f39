package org.snncodesign.nir;

/**
 * The number of values one read may still load. A file declares its dataset sizes before the data;
 * checking them against a budget first refuses a huge (or forged) declaration with a message
 * instead of running out of memory.
 */
final class ReadBudget {
  private long remaining;
  private final long limit;

  ReadBudget(long limit) {
    this.limit = limit;
    this.remaining = limit;
  }

  /** Takes {@code values} from the budget, or fails naming the place that asked. */
  void take(long values, NirLocation where, String field) {
    if (values < 0 || values > remaining) {
      throw where.error(
          field,
          "declares "
              + values
              + " values, more than the "
              + remaining
              + " left of this"
              + " reader's limit of "
              + limit
              + " values per file (NirReader.withValueLimit raises it)");
    }
    remaining -= values;
  }
}
