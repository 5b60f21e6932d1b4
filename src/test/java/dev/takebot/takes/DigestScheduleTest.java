package dev.takebot.takes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "DigestSchedule: a digest at every multiple of N takes, never the same milestone twice")
class DigestScheduleTest {

  @Test
  @DisplayName("given N = 5, when takes arrive one by one, then digests fall on 5, 10 and 15")
  void everyN() {
    DigestSchedule s = new DigestSchedule(5);
    List<Long> at = new ArrayList<>();
    for (long n = 1; n <= 17; n++) {
      if (s.reached(1, n)) {
        at.add(n);
      }
    }
    assertThat(at).containsExactly(5L, 10L, 15L);
  }

  @Test
  @DisplayName(
      "a delete and a new take around a milestone do not repeat it; discussions count separately")
  void noRepeats() {
    DigestSchedule s = new DigestSchedule(5);
    assertThat(s.reached(1, 5)).isTrue(); // first sight: the 5th take just arrived
    assertThat(s.reached(1, 4)).isFalse(); // deleted
    assertThat(s.reached(1, 5)).isFalse(); // added again
    assertThat(s.reached(2, 4)).isFalse();
    assertThat(s.reached(2, 5)).isTrue();
  }

  @Test
  @DisplayName("after a restart mid-way, the next milestone is the next digest")
  void afterRestart() {
    DigestSchedule s = new DigestSchedule(10);
    assertThat(s.reached(1, 13)).isFalse(); // an edit seen first after restart
    assertThat(s.reached(1, 19)).isFalse();
    assertThat(s.reached(1, 20)).isTrue();
    assertThatThrownBy(() -> new DigestSchedule(1)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Regression (#11): checks are coalesced off the gateway thread, so the first check of a
   * discussion may count a whole burst at once; "first sight" assumed one take since the last count
   * and missed the 20th.
   */
  @Test
  @DisplayName("a burst counted in one check still posts the milestone it crossed")
  void burstCountedOnce() {
    DigestSchedule s = new DigestSchedule(20);
    assertThat(s.reached(1, 23, 23)).as("23 takes, first counted together").isTrue();
    assertThat(s.reached(1, 24, 1)).isFalse();
    assertThat(s.reached(2, 23, 2)).as("two changes: 21 or more before them").isFalse();
  }
}
