package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.takebot.i18n.Texts;
import dev.takebot.message.ButtonSpec;
import dev.takebot.message.MessageSpec;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PendingPosts: one server's previews cannot crowd out the others'")
class PendingPostsTest {
  private static final PreparedArticle ARTICLE =
      new PreparedArticle("T", "k", "Your take · T", List.of(MessageSpec.ofContent("x")), 0);

  private final AtomicLong sent = new AtomicLong();
  private final AtomicReference<String> lastKey = new AtomicReference<>();
  private final PendingPosts pending = new PendingPosts(Clock.systemUTC());

  /** A surface that counts what would be sent and notes the key in the control's buttons. */
  private PreviewSurface surface() {
    return new PreviewSurface() {
      @Override
      long send(MessageSpec message) {
        for (ButtonSpec b : message.buttons()) {
          PreviewId.parse(b.customId()).ifPresent(id -> lastKey.set(id.key()));
        }
        return sent.incrementAndGet();
      }

      @Override
      void edit(long messageId, MessageSpec message) {}
    };
  }

  /** Offers a review in {@code guild}; its key. */
  private String offer(long guild) {
    pending.show(
        surface(),
        guild,
        1,
        false,
        PendingPost.ANY_MODERATOR,
        PendingPosts.REVIEW_LIFETIME,
        ARTICLE,
        Texts.english(),
        Texts.english(),
        () -> {});
    return lastKey.get();
  }

  @Test
  @DisplayName(
      "a server has at most 50 previews waiting; the next is refused (nothing sent) until one is"
          + " decided, and other servers are not affected")
  void perServerCap() {
    String first = offer(1);
    for (int i = 1; i < PendingPosts.MAX_PER_SERVER; i++) {
      offer(1);
    }
    long before = sent.get();

    assertThatThrownBy(() -> offer(1))
        .isInstanceOf(UserError.class)
        .hasMessage("50 previews are already waiting in this server: post or cancel some first.");
    assertThat(sent.get()).isEqualTo(before);

    offer(2);
    assertThat(pending.find(first).orElseThrow().cancel("Cancelled")).isTrue();
    offer(1);
  }
}
