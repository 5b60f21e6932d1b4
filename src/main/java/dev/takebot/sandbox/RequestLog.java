package dev.takebot.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every REST request answered, in order. Confined to the {@link EngineLoop}. */
final class RequestLog {
  private final List<RecordedRequest> requests = new ArrayList<>();

  void record(RecordedRequest request) {
    requests.add(request);
  }

  List<RecordedRequest> all() {
    return List.copyOf(requests);
  }

  RecordedRequest first(Predicate<RecordedRequest> predicate) {
    for (RecordedRequest r : requests) {
      if (predicate.test(r)) {
        return r;
      }
    }
    return null;
  }
}
