package dev.takebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.i18n.Texts;
import dev.takebot.message.MessageSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DisplayName("PendingPost: each preview posts at most once")
class PendingPostTest {
  private static final PreparedArticle ARTICLE =
      new PreparedArticle("T", "k", "Your take · T", List.of(MessageSpec.ofContent("x")), 0);
  private static final PreparedArticle EDITED =
      new PreparedArticle("U", "k", "Your take · U", List.of(MessageSpec.ofContent("y")), 0);

  private static PendingPost pending() {
    return new PendingPost("k1", 9, 1, false, 7, Instant.EPOCH, null, ARTICLE, Texts.english());
  }

  @RepeatedTest(20)
  @DisplayName("of many presses of Post at once, exactly one claims the article")
  void oneClaimWins() throws Exception {
    PendingPost p = pending();
    int presses = 8;
    ExecutorService pool = Executors.newFixedThreadPool(presses);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Optional<PreparedArticle>>> claims = new ArrayList<>();
      for (int i = 0; i < presses; i++) {
        claims.add(
            pool.submit(
                () -> {
                  go.await();
                  return p.claim();
                }));
      }
      go.countDown();
      int won = 0;
      for (Future<Optional<PreparedArticle>> c : claims) {
        won += c.get().isPresent() ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
      assertThat(p.state().stage()).isEqualTo(PendingPost.Stage.POSTING);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName(
      "a failed post releases the preview for another try; a made post or a cancel settles it")
  void stages() {
    PendingPost p = pending();
    assertThat(p.claim()).contains(ARTICLE);
    assertThat(p.cancel("no")).as("no cancel while posting").isFalse();
    p.release();
    assertThat(p.state().stage()).isEqualTo(PendingPost.Stage.PENDING);
    assertThat(p.claim()).contains(ARTICLE);
    p.posted("Posted **T**");
    assertThat(p.claim()).isEmpty();
    assertThat(p.settled()).isEqualTo("This preview was already posted. Posted **T**");

    PendingPost q = pending();
    assertThat(q.cancel("Cancelled")).isTrue();
    assertThat(q.claim()).isEmpty();
    assertThat(q.settled()).isEqualTo("This preview was cancelled: nothing was posted.");
  }

  @Test
  @DisplayName(
      "being posted or cancelled runs its decision once, whatever the presses; a failed post not")
  void decidedOnce() {
    java.util.concurrent.atomic.AtomicInteger decided =
        new java.util.concurrent.atomic.AtomicInteger();
    PendingPost p = decidable(decided);
    p.claim();
    p.release();
    assertThat(decided).as("a failed post decides nothing").hasValue(0);
    p.claim();
    p.posted("Posted");
    assertThat(p.cancel("no")).isFalse();
    assertThat(decided).hasValue(1);

    decided.set(0);
    PendingPost q = decidable(decided);
    assertThat(q.cancel("Cancelled")).isTrue();
    assertThat(q.cancel("Cancelled")).isFalse();
    assertThat(q.claim()).isEmpty();
    assertThat(decided).hasValue(1);
  }

  private static PendingPost decidable(java.util.concurrent.atomic.AtomicInteger decided) {
    return new PendingPost(
        "k3",
        9,
        1,
        false,
        PendingPost.ANY_MODERATOR,
        Instant.EPOCH,
        null,
        ARTICLE,
        dev.takebot.i18n.Texts.english(),
        decided::incrementAndGet,
        false);
  }

  @Test
  @DisplayName("an edit applies only to the article it was made from, and only while pending")
  void editsAreConditional() {
    PendingPost p = pending();
    assertThat(p.replace(EDITED, ARTICLE)).as("made from another version").isFalse();
    assertThat(p.replace(ARTICLE, EDITED)).isTrue();
    assertThat(p.state().article()).isSameAs(EDITED);
    assertThat(p.state().edited()).isTrue();
    assertThat(p.claim()).contains(EDITED);
    assertThat(p.replace(EDITED, ARTICLE)).as("while posting").isFalse();
  }

  @Test
  @DisplayName("only its owner may decide a private preview; any moderator a review")
  void whoDecides() {
    assertThat(pending().mayDecide(9, 7)).isTrue();
    assertThat(pending().mayDecide(9, 8)).isFalse();
    PendingPost review =
        new PendingPost(
            "k2",
            9,
            1,
            false,
            PendingPost.ANY_MODERATOR,
            Instant.EPOCH,
            null,
            ARTICLE,
            Texts.english());
    assertThat(review.mayDecide(9, 8)).isTrue();
    assertThat(review.mayDecide(10, 8)).as("a moderator of another server").isFalse();
    assertThat(pending().mayDecide(10, 7)).as("its owner, pressing from another server").isFalse();
    assertThat(review.isReview()).isTrue();
  }

  @Test
  @DisplayName(
      "the buttons' custom ids carry the action, the key and the deadline, within 100 chars")
  void ids() {
    PendingPost p =
        new PendingPost(
            Long.toString(Long.MAX_VALUE, 36),
            9,
            1,
            false,
            7,
            Instant.parse("2100-01-01T00:00:00Z"),
            null,
            ARTICLE,
            Texts.english());
    String id = PreviewId.of(PreviewId.CANCEL, p);

    assertThat(id).hasSizeLessThanOrEqualTo(100);
    assertThat(PreviewId.parse(id))
        .contains(new PreviewId("cancel", p.key(), Instant.parse("2100-01-01T00:00:00Z")));
    assertThat(PreviewId.parse("takebot-preview:post:k1")).isEmpty();
    assertThat(PreviewId.parse("takebot-preview:delete:k1:zz")).isEmpty();
    assertThat(PreviewId.parse("takebot-preview:post:k1:" + "z".repeat(13))).isEmpty();
  }
}
