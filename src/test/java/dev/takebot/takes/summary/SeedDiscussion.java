package dev.takebot.takes.summary;

import dev.takebot.sentiment.Label;
import dev.takebot.store.JdbcTakeStore;
import dev.takebot.takes.Discussion;
import dev.takebot.takes.Take;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted thread about the seed article (the US resets relations with Burkina Faso, Mali and
 * Niger), tagged by hand: a negative camp on Russia and Wagner, a positive camp on the US reset and
 * sovereignty, a split camp on France, neutral facts, and junk that must never be quoted.
 */
final class SeedDiscussion {
  static final long GUILD = 111;
  static final long CHANNEL = 222;
  static final long POST = 1000;
  static final Instant POSTED = Instant.parse("2026-02-01T09:00:00Z");
  static final Discussion DISCUSSION =
      new Discussion(
          POST,
          GUILD,
          CHANNEL,
          POST,
          "efff0f980f46da0b",
          "United States Moves to Reset Relations with Burkina Faso, Mali, and Niger",
          POSTED);

  /** Ids of junk takes: one word, repeated characters, a bare link, copy-paste spam. */
  static final List<Long> JUNK = List.of(1023L, 1024L, 1025L, 1026L);

  /** Two takes saying the same thing in nearly the same words. */
  static final long ORIGINAL = 1002;

  static final long NEAR_DUPLICATE = 1027;

  private SeedDiscussion() {}

  static List<Take> takes() {
    List<Take> out = new ArrayList<>();
    Object[][] script = {
      // id, author, label, score, text
      {
        1001,
        "Amadou",
        Label.NEGATIVE,
        -0.7,
        "Russia only cares about the gold and uranium, Wagner has been brutal to villagers in Mali."
      },
      {
        1002,
        "Claire",
        Label.NEGATIVE,
        -0.6,
        "Swapping French troops for Wagner mercenaries is not sovereignty, it is a new master. Russia wins here."
      },
      {
        1003,
        "Ibrahim",
        Label.NEGATIVE,
        -0.65,
        "The Russian presence has made security worse, and Wagner abuses against civilians are well documented."
      },
      {
        1004,
        "Fatou",
        Label.NEGATIVE,
        -0.5,
        "Russia is exploiting the Sahel for minerals while the juntas pretend it is a partnership."
      },
      {
        1005,
        "Moussa",
        Label.NEGATIVE,
        -0.7,
        "Honestly Russia and Wagner have brought nothing but fear to Bamako."
      },
      {
        1006,
        "Sophie",
        Label.NEGATIVE,
        -0.6,
        "Russia's influence through Wagner is a disaster for ordinary people in Niger."
      },
      {
        1007,
        "Oumar",
        Label.NEGATIVE,
        -0.4,
        "Russia will never let the minerals go, this reset comes far too late."
      },
      {
        1008,
        "Jake",
        Label.POSITIVE,
        0.6,
        "Good move by the United States, talking with Mali respects their sovereignty and might counter Russia."
      },
      {
        1009,
        "Aminata",
        Label.POSITIVE,
        0.5,
        "Finally Washington treats Mali, Niger and Burkina Faso as partners instead of lecturing them."
      },
      {
        1010,
        "Paul",
        Label.POSITIVE,
        0.6,
        "Respecting sovereignty is the right approach, diplomacy beats sanctions and threats."
      },
      {
        1011,
        "Kadiatou",
        Label.POSITIVE,
        0.5,
        "Engagement on minerals and security could actually help the Sahel economies grow."
      },
      {
        1012,
        "Boubacar",
        Label.POSITIVE,
        0.45,
        "A new course with Burkina Faso is welcome, the old sanctions policy failed completely."
      },
      {
        1013,
        "Emma",
        Label.POSITIVE,
        0.55,
        "This is smart diplomacy, the US should have reset relations with the Sahel long ago."
      },
      {
        1014,
        "Luc",
        Label.MIXED,
        0.05,
        "France made mistakes but French troops did protect towns from jihadists for years."
      },
      {
        1015,
        "Salif",
        Label.NEGATIVE,
        -0.5,
        "France lost the Sahel because of arrogance, and nobody misses French soldiers there."
      },
      {
        1016,
        "Marie",
        Label.POSITIVE,
        0.3,
        "I still think France helped Mali more than Russia ever will."
      },
      {
        1017,
        "Hawa",
        Label.MIXED,
        0.1,
        "French diplomacy in the region was clumsy, but the cooperation on schools and health was real."
      },
      {
        1018,
        "Tom",
        Label.NEUTRAL,
        -0.02,
        "France leaving opened the door, the vacuum was predictable."
      },
      {
        1019,
        "Awa",
        Label.NEUTRAL,
        0.0,
        "The State Department visit to Bamako is planned for next week according to the article."
      },
      {
        1020,
        "Seydou",
        Label.NEUTRAL,
        0.0,
        "Mali, Niger and Burkina Faso formed the Alliance of Sahel States in 2023."
      },
      {
        1021,
        "Nina",
        Label.NEUTRAL,
        0.0,
        "Gold, uranium and rare earth minerals are what everyone is negotiating about."
      },
      {
        1022,
        "Karim",
        Label.NEUTRAL,
        0.0,
        "Does anyone know if Niger has answered the State Department statement?"
      },
      {1023, "Spammy", Label.NEUTRAL, 0.0, "lol"},
      {1024, "Loud", Label.POSITIVE, 0.4, "sooooooo true!!!!!!"},
      {1025, "Linker", Label.NEUTRAL, 0.0, "https://example.com/wagner-russia-news"},
      {1026, "Spammy", Label.NEGATIVE, -0.3, "buy gold now buy gold now buy gold now buy gold now"},
      {
        1027,
        "Claire2",
        Label.NEGATIVE,
        -0.6,
        "Swapping French troops for Wagner mercenaries is not sovereignty, it is just a new master. Russia wins here."
      },
      {
        1028,
        "Adama",
        Label.NEUTRAL,
        0.0,
        "Sovereignty means the people of Mali choose their partners, not Paris and not anyone else."
      },
      {
        1029,
        "Yacouba",
        Label.NEUTRAL,
        0.0,
        "The minerals will decide this, the US wants access to uranium before China locks it up."
      },
    };
    for (Object[] row : script) {
      long id = ((Number) row[0]).longValue();
      String author = (String) row[1];
      out.add(
          new Take(
              id,
              POST,
              POST,
              author.hashCode() & 0xFFFFL,
              author,
              (String) row[4],
              POSTED.plus(Duration.ofMinutes(7 * (id - 1000))),
              null,
              (Label) row[2],
              (Double) row[3],
              "test"));
    }
    return out;
  }

  /**
   * A fresh SQLite store in {@code dir} holding the seed discussion and its takes; the caller
   * closes it.
   */
  static JdbcTakeStore store(Path dir) {
    JdbcTakeStore store = TestStores.open(dir);
    store.saveDiscussion(DISCUSSION);
    store.insertTakes(takes());
    return store;
  }

  /** The seed discussion's summary, as read from a fresh store in {@code dir}. */
  static DiscussionSummary summary(Path dir, Map<Long, Integer> reactions, Baseline previous) {
    try (JdbcTakeStore store = store(dir)) {
      return new DiscussionSummarizer(store, DiscussionSummarizerTest.CLOCK)
          .summarize(DISCUSSION, reactions, previous);
    }
  }
}
