package dev.takebot.takes.summary;

import dev.takebot.store.JdbcTakeStore;
import dev.takebot.store.Stores;
import dev.takebot.takes.TakeRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The summary tests read through the real SQLite store in a temporary directory, so there is no
 * second, in-memory store whose behaviour could drift from the one the bot runs on.
 */
final class TestStores {
  private TestStores() {}

  /** A fresh, empty SQLite store in {@code dir}; the caller closes it. */
  static JdbcTakeStore open(Path dir) {
    return Stores.open("jdbc:sqlite:" + dir.resolve("takes.db"), null, null);
  }

  /**
   * {@code store}, counting in {@code reads} the sampled reads of take texts (aggregate reads cost
   * no texts).
   */
  static TakeRepository countingSampledReads(TakeRepository store, AtomicInteger reads) {
    return (TakeRepository)
        Proxy.newProxyInstance(
            TakeRepository.class.getClassLoader(),
            new Class<?>[] {TakeRepository.class},
            (proxy, method, args) -> {
              if (method.getName().equals("forEachSampledTake")) {
                reads.incrementAndGet();
              }
              try {
                return method.invoke(store, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
