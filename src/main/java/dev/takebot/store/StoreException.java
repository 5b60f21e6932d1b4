package dev.takebot.store;

/** A storage failure: the database could not be opened, migrated, read or written. Unchecked. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
