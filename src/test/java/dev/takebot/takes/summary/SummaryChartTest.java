package dev.takebot.takes.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.takebot.store.JdbcTakeStore;
import dev.takebot.takes.Discussion;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SummaryChart")
class SummaryChartTest {
  private final SummaryChart chart = new SummaryChart();

  private static BufferedImage read(byte[] png) throws IOException {
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("ImageIO reads the PNG").isNotNull();
    return image;
  }

  @Test
  @DisplayName("renders the seed discussion as a valid 800×400 PNG under 200 KB, headless")
  void seedChart(@TempDir Path dir) throws IOException {
    DiscussionSummary s = SeedDiscussion.summary(dir, Map.of(), null);
    byte[] png = chart.render(s);
    BufferedImage image = read(png);
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(400);
    assertThat(png.length).isLessThan(200 * 1024);
    assertThat(java.awt.GraphicsEnvironment.isHeadless()).isTrue();
  }

  @Test
  @DisplayName(
      "has a transparent background so it reads on dark and light themes, and draws in colour")
  void transparentAndColoured(@TempDir Path dir) throws IOException {
    DiscussionSummary s = SeedDiscussion.summary(dir, Map.of(), null);
    BufferedImage image = read(chart.render(s));
    assertThat(image.getColorModel().hasAlpha()).isTrue();
    assertThat(image.getRGB(2, 2) >>> 24).as("corner alpha").isZero();
    int negative = SummaryChart.colour(dev.takebot.sentiment.Label.NEGATIVE).getRGB();
    boolean found = false;
    for (int x = 0; x < image.getWidth() && !found; x += 2) {
      for (int y = 0; y < image.getHeight() && !found; y += 2) {
        found = image.getRGB(x, y) == negative;
      }
    }
    assertThat(found).as("the negative colour is drawn somewhere").isTrue();
  }

  @Test
  @DisplayName("writes counts short enough to fit inside the ring")
  void compactCounts() {
    assertThat(SummaryChart.compact(29)).isEqualTo("29");
    assertThat(SummaryChart.compact(9_999)).isEqualTo("9,999");
    assertThat(SummaryChart.compact(12_345)).isEqualTo("12.3k");
    assertThat(SummaryChart.compact(456_400)).isEqualTo("456k");
    assertThat(SummaryChart.compact(1_000_000)).isEqualTo("1.0M");
  }

  @Test
  @DisplayName("copes with a single take and with no takes at all")
  void edgeCases(@TempDir Path dir) throws IOException {
    try (JdbcTakeStore store = TestStores.open(dir)) {
      Discussion d = new Discussion(3, 1, 2, 3, "k", "One", Instant.EPOCH);
      store.saveDiscussion(d);
      store.saveDiscussion(SeedDiscussion.DISCUSSION);
      DiscussionSummarizer summarizer =
          new DiscussionSummarizer(store, DiscussionSummarizerTest.CLOCK);
      assertThat(read(chart.render(summarizer.summarize(d))).getWidth()).isEqualTo(800);
      store.insertTake(SeedDiscussion.takes().get(0)); // another discussion's take
      store.insertTake(
          new dev.takebot.takes.Take(
              5,
              3,
              3,
              1,
              "a",
              "Only one take in this thread so far",
              Instant.parse("2026-01-01T00:00:00Z"),
              null,
              dev.takebot.sentiment.Label.POSITIVE,
              0.4,
              "t"));
      assertThat(read(chart.render(summarizer.summarize(d))).getHeight()).isEqualTo(400);
    }
  }
}
