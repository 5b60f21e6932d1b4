package dev.takebot.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The learned judges while and after they load")
class WordModelLoadingTest {
  private static final ClassLoader LOADER = WordModelLoadingTest.class.getClassLoader();

  @Test
  void aThreadInterruptedWhileTheJudgeLoadsStillGetsItAndKeepsItsInterrupt() throws Exception {
    // The thread building the analyser waits for the judges; interrupted meanwhile (a shutdown
    // racing start-up) it still gets them, in a few milliseconds, and keeps the interrupt.
    CompletableFuture<WordModel> loading = new CompletableFuture<>();
    WordModel.Judge judge = new WordModel.Judge(loading);
    WordModel model = WordModel.of(List.of("lol"), new float[] {1}, 0, 0);
    AtomicReference<Object> got = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              try {
                got.set(judge.model());
              } catch (RuntimeException e) {
                got.set(e);
              }
              stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
    reader.start();
    await("the reader waits for the judge")
        .atMost(Duration.ofSeconds(10))
        .until(() -> reader.getState() == Thread.State.WAITING || !reader.isAlive());
    reader.interrupt(); // and once more while it waits
    loading.complete(model);
    reader.join(10_000);
    assertThat(got.get()).isSameAs(model);
    assertThat(stillInterrupted).isTrue();
  }

  @Test
  void aCorruptJudgeStopsTheAnalyserAtConstructionNamingTheResource(@TempDir Path dir)
      throws Exception {
    // Like a corrupt lexicon, a corrupt judge stops start-up with one line saying which file and
    // why, rather than failing every later reading of praise (and the takes with it).
    Path sentiment = Files.createDirectories(dir.resolve("sentiment"));
    Files.writeString(
        sentiment.resolve("sarcasm-model.tsv"), "<bias>\t-1\nlol\tlots\n", StandardCharsets.UTF_8);
    ClassLoader corrupt = overlay(dir);
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.load(corrupt))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(WordModel.SARCASM)
        .hasMessageContaining("not a number: lots");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {WordModel.SARCASM, WordModel.MIXED, WordModel.CYNICISM, WordModel.FACT})
  void anEmptyOrCutShortJudgeStopsTheAnalyserNamingTheResource(String resource, @TempDir Path dir)
      throws Exception {
    // A judge with no threshold would never say yes: a spoilt file (an empty write, a copy cut
    // short before its thresholds) must stop start-up as a corrupt one does, not pass for a judge.
    for (String text : List.of("", "# Learned judge (see WordModel.java)\n<bias>\t0.5\n")) {
      Path file = dir.resolve(resource);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      ClassLoader spoilt = overlay(dir);
      assertThatThrownBy(() -> LexiconSentimentAnalyzer.load(spoilt))
          .as("%s holding %s", resource, text)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(resource)
          .hasMessageContaining("<threshold>");
    }
  }

  @Test
  void aMissingJudgeLeavesTheRulesToDecide(@TempDir Path dir) throws Exception {
    Path sentiment = Files.createDirectories(dir.resolve("sentiment"));
    Files.writeString(sentiment.resolve("mixed-model.tsv"), "", StandardCharsets.UTF_8);
    ClassLoader hidden =
        new ClassLoader(LOADER) {
          @Override
          public InputStream getResourceAsStream(String name) {
            return name.equals(WordModel.SARCASM) ? null : super.getResourceAsStream(name);
          }
        };
    SentimentAnalyzer rulesOnly = LexiconSentimentAnalyzer.load(hidden);
    assertThat(rulesOnly.analyze("great plan 🙄").label()).isNotNull();
    assertThat(rulesOnly.version()).isNotEqualTo(LexiconSentimentAnalyzer.standard().version());
  }

  @Test
  void manyThreadsReadingAtOnceReadAsOneDoes() throws Exception {
    // The judges are immutable and share no state between readings (each thread has its own token
    // buffer, with the words' hashes and the features seen): readings made by many threads at
    // once, from the first moment, must match the shared analyser's.
    Lexicon lexicon = new Lexicon(LOADER);
    Calibration calibration = Calibration.load(LOADER);
    LabelModel labels = LabelModel.load(LOADER);
    List<String> texts =
        List.of(
            "thank god the State Dept is here to save the Sahel 🙏 just like they saved Libya",
            "great plan, very cool 🙄",
            "decent idea, awful execution",
            "respect the effort, but they burned every bridge",
            "bravo, encore une belle promesse",
            "what a great step forward",
            "wow France really cares now huh");
    int threads = 8;
    var analyser = new LexiconSentimentAnalyzer(lexicon, Tuning.DEFAULT, calibration, labels);
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<List<Sentiment>>> readings = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        readings.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Sentiment> out = new java.util.ArrayList<>();
                  for (int round = 0; round < 50; round++) {
                    for (String text : texts) {
                      out.add(analyser.analyze(text));
                    }
                  }
                  return out;
                }));
      }
      start.countDown();
      List<Sentiment> loaded =
          texts.stream().map(LexiconSentimentAnalyzer.standard()::analyze).toList();
      for (var f : readings) {
        List<Sentiment> got = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i))
              .as(texts.get(i % texts.size()))
              .isEqualTo(loaded.get(i % texts.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The test's class path with {@code dir}'s files in front of it. */
  private static ClassLoader overlay(Path dir) {
    return new ClassLoader(LOADER) {
      @Override
      public InputStream getResourceAsStream(String name) {
        Path p = dir.resolve(name);
        if (Files.isRegularFile(p)) {
          try {
            return Files.newInputStream(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return super.getResourceAsStream(name);
      }

      @Override
      public URL getResource(String name) {
        return super.getResource(name);
      }
    };
  }
}
