package dev.takebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code takebot demo --out DIR}, looked at in a real headless Chromium (the distribution's
 * package; installed here when missing and we are root, else the tests are skipped saying why).
 *
 * <p>The same run writes full-page screenshots, light and dark, to {@code
 * target/transcript-screenshots/}; with {@code -Dtakebot.updateScreenshots=true} also to {@code
 * src/docs/}, where the README shows them from.
 */
@DisplayName("takebot demo --out: transcript.html in a real browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptPageBrowserTest {
  private static final Path SHOTS = Path.of("target", "transcript-screenshots");
  private static final Path DOCS = Path.of("src", "docs");
  private static final int SHOT_WIDTH = 900;

  /** Elements sticking out of the viewport to the right, and whether the page scrolls sideways. */
  private static final String OVERFLOW =
      "(() => { const w = document.documentElement.clientWidth; const out = [];"
          + " for (const e of document.querySelectorAll('body *')) {"
          + "   const r = e.getBoundingClientRect();"
          + "   if (r.width > 0 && (r.right > w + 0.5 || r.left < -0.5))"
          + "     out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));"
          + " }"
          + " return {scrollWidth: document.documentElement.scrollWidth, width: w, out: out.slice(0, 10)}; })()";

  private Path out;
  private String demoOutput;
  private HeadlessChromium chromium;
  private String pageUrl;

  @BeforeAll
  void demoAndBrowser(@TempDir Path dir) throws Exception {
    out = dir;
    StringWriter text = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(text));
    int rc = cli.execute("demo", "--out", out.toString());
    demoOutput = text.toString();
    assertThat(rc).as("demo exit status; output:%n%s", demoOutput).isZero();
    pageUrl = out.resolve(TranscriptPage.PAGE).toUri().toString();
    HeadlessChromium.Located browser = HeadlessChromium.locate();
    if (browser.binary().isPresent()) {
      chromium = HeadlessChromium.start(browser.binary().get());
    } else {
      System.err.println("TranscriptPageBrowserTest: no browser: " + browser.whyNot());
    }
  }

  @AfterAll
  void closeBrowser() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  private void needBrowser() {
    assumeTrue(
        chromium != null,
        () ->
            "skipped: no headless Chromium ("
                + HeadlessChromium.locate().whyNot()
                + "); the page itself is still checked by TranscriptPageTest");
  }

  @Test
  @DisplayName("demo --out writes the chart it sent as a PNG, next to transcript.html")
  void writesTheChartAndThePage() throws Exception {
    Path chart = out.resolve("summary-chart.png");
    assertThat(chart).exists();
    byte[] png = Files.readAllBytes(chart);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    assertThat(out.resolve(TranscriptPage.PAGE)).exists();
    assertThat(demoOutput).contains("📎 summary-chart.png").contains("Wrote ");
  }

  @Test
  @DisplayName(
      "renders without console errors, the chart loads, nothing overflows at 400 and 1280 px")
  void rendersCleanlyAtPhoneAndDesktopWidths() throws Exception {
    needBrowser();
    for (int width : new int[] {400, 1280}) {
      chromium.open(pageUrl, width, 900);

      JsonNode images =
          chromium.eval(
              "Array.from(document.images).map(i => ({alt: i.alt, ok: i.complete,"
                  + " w: i.naturalWidth, shown: i.getBoundingClientRect().width}))");
      assertThat(images).as("images at %d px", width).isNotEmpty();
      for (JsonNode img : images) {
        assertThat(img.path("ok").asBoolean()).as("%s complete", img).isTrue();
        assertThat(img.path("w").asInt()).as("%s naturalWidth", img).isPositive();
        assertThat(img.path("shown").asDouble()).as("%s shown width", img).isPositive();
      }
      assertThat(images.toString()).contains("summary-chart.png");

      JsonNode overflow = chromium.eval(OVERFLOW);
      assertThat(overflow.path("scrollWidth").asInt())
          .as("page width at %d px: %s", width, overflow)
          .isLessThanOrEqualTo(overflow.path("width").asInt());
      assertThat(overflow.path("out")).as("elements overflowing at %d px", width).isEmpty();

      assertThat(chromium.eval("document.querySelectorAll('.embed').length").asInt())
          .isGreaterThanOrEqualTo(2);
      assertThat(chromium.eval("document.querySelectorAll('section.thread').length").asInt())
          .as("the article's thread and the feed item's")
          .isEqualTo(2);
      assertThat(chromium.eval("document.body.innerText").asText())
          .contains("Share your take", "6 takes", "Chloé used /takes summary")
          .contains("Niger reopens its border with Benin after two years");
    }
    assertThat(chromium.errors()).as("console errors, exceptions, failed loads").isEmpty();
  }

  @Test
  @DisplayName("follows the system's dark theme, and the toggle switches it; screenshots of both")
  void themesAndScreenshots() throws Exception {
    needBrowser();
    Files.createDirectories(SHOTS);
    for (String scheme : new String[] {"light", "dark"}) {
      chromium.call(
          "Emulation.setEmulatedMedia",
          Map.of(
              "features", new Object[] {Map.of("name", "prefers-color-scheme", "value", scheme)}));
      chromium.open(pageUrl, SHOT_WIDTH, 900);
      String background = "getComputedStyle(document.body).backgroundColor";
      String expected = scheme.equals("dark") ? "rgb(49, 51, 56)" : "rgb(255, 255, 255)";
      String other = scheme.equals("dark") ? "rgb(255, 255, 255)" : "rgb(49, 51, 56)";
      assertThat(chromium.eval(background).asText())
          .as("%s background", scheme)
          .isEqualTo(expected);

      byte[] shot = chromium.screenshot(SHOT_WIDTH);
      Path file = Files.write(SHOTS.resolve("transcript-" + scheme + ".png"), shot);
      if (Boolean.getBoolean("takebot.updateScreenshots")) {
        Files.createDirectories(DOCS);
        Files.copy(file, DOCS.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }

      chromium.eval("document.getElementById('theme-toggle').click()");
      assertThat(chromium.eval(background).asText()).as("after the toggle").isEqualTo(other);
    }
    assertThat(chromium.errors()).as("console errors, exceptions, failed loads").isEmpty();
  }

  @Test
  @DisplayName("hostile takes stay text in the browser too: none of them runs, nothing overflows")
  void hostileTakesDoNotRun(@TempDir Path dir) throws Exception {
    needBrowser();
    TranscriptPage.Written w = TranscriptPageTest.hostilePage(dir);
    for (int width : new int[] {400, 1280}) {
      chromium.open(w.page().toUri().toString(), width, 900);

      assertThat(chromium.eval("String(window.pwned)").asText()).isEqualTo("undefined");
      assertThat(chromium.eval("document.scripts.length").asInt()).isEqualTo(1);
      assertThat(chromium.eval("document.querySelectorAll('iframe, svg, img').length").asInt())
          .isZero();
      assertThat(chromium.eval(OVERFLOW).path("out")).as("overflow at %d px", width).isEmpty();
    }
    assertThat(chromium.errors()).as("console errors, exceptions, failed loads").isEmpty();
  }
}
