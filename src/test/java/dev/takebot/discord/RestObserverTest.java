package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Interaction answers against Discord's 3 s window")
class RestObserverTest {
  /** An interaction id created at {@code millis} since the Unix epoch. */
  private static String idAt(long millis) {
    return Long.toUnsignedString((millis - 1420070400000L) << 22);
  }

  private static final long T = 1_800_000_000_000L;

  private static String callback(long createdMillis) {
    return "interactions/" + idAt(createdMillis) + "/tok3n/callback";
  }

  @Test
  @DisplayName("accepted within 3 s is on time, after it late")
  void window() {
    assertThat(RestObserver.outcome(callback(T), 200, T + 2_900)).isEqualTo("on_time");
    assertThat(RestObserver.outcome(callback(T), 204, T + 3_000)).isEqualTo("on_time");
    assertThat(RestObserver.outcome(callback(T), 200, T + 3_500)).isEqualTo("late");
  }

  @Test
  @DisplayName("refused as unknown (expired) is late; refused otherwise failed")
  void refusals() {
    assertThat(RestObserver.outcome(callback(T), 404, T + 4_000)).isEqualTo("late");
    assertThat(RestObserver.outcome(callback(T), 400, T + 100)).isEqualTo("failed");
    assertThat(RestObserver.outcome(callback(T), 500, T + 100)).isEqualTo("failed");
  }
}
