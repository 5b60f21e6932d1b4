package dev.takebot.takes.summary;

import dev.takebot.i18n.Texts;
import dev.takebot.message.DiscordLimits;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.message.FileSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Label;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a {@link DiscussionSummary} (and its chart) into a message: a headline with counts, shares,
 * tone and direction; the representative takes of each side, quoted safely with the member's name
 * and a jump link; the most-reacted take; the themes with their splits; and the chart as an
 * attached image. Every piece of member text goes through {@link SafeText#quote}, so nothing can
 * ping or break the layout, and the embed stays well inside Discord's limits.
 */
public final class SummaryRenderer {
  /** Longest quote of a take, in characters. */
  static final int QUOTE = 200;

  /** Longest member name shown. */
  static final int NAME = 40;

  /** The embed stays under this many characters, well below Discord's 6,000. */
  static final int EMBED_BUDGET = 4500;

  /** The summary message in English. */
  public MessageSpec render(DiscussionSummary summary, byte[] chartPng) {
    return render(summary, chartPng, Texts.english());
  }

  /**
   * The summary message.
   *
   * @param summary what to show
   * @param chartPng the chart from {@link SummaryChart#render}, or {@code null} to send none
   * @param texts the language of the readers
   */
  public MessageSpec render(DiscussionSummary summary, byte[] chartPng, Texts texts) {
    String mixed = texts.get("summary.side.mixed");
    String title =
        texts.get(
            "summary.title",
            "title",
            quote(
                summary.discussion().title() == null
                    ? texts.get("summary.title.untitled")
                    : summary.discussion().title(),
                200));
    if (summary.takes() == 0) {
      return MessageSpec.ofEmbed(
          new EmbedSpec(
              title,
              null,
              texts.get("summary.empty"),
              null,
              List.of(),
              "",
              summary.generatedAt(),
              null));
    }
    List<FieldSpec> fields = new ArrayList<>();
    long guild = summary.discussion().guildId();
    addSide(
        fields,
        texts.get("summary.side.positive"),
        summary.representatives().get(Label.POSITIVE),
        2,
        guild,
        texts);
    addSide(
        fields,
        texts.get("summary.side.negative"),
        summary.representatives().get(Label.NEGATIVE),
        2,
        guild,
        texts);
    addSide(fields, mixed, summary.representatives().get(Label.MIXED), 1, guild, texts);
    String mostReacted =
        summary
            .mostReacted()
            .map(r -> texts.get("summary.mostReacted", "count", r.reactions()))
            .orElse("");
    summary
        .mostReacted()
        .ifPresent(r -> fields.add(new FieldSpec(mostReacted, quoteLine(r, guild, texts), false)));
    if (!summary.themes().isEmpty()) {
      fields.add(new FieldSpec(texts.get("summary.themes"), themes(summary, texts), false));
    }
    String footer =
        summary.isSampled()
            ? texts.get(
                "summary.footer.sampled", "sampled", summary.sampled(), "takes", summary.takes())
            : texts.get("summary.footer");
    String image = chartPng == null ? null : "attachment://" + SummaryChart.FILE_NAME;
    // Quotes are bounded, so dropping only happens with long names and titles: the least useful
    // field goes first.
    List<String> drops = List.of(mixed, mostReacted);
    EmbedSpec embed;
    for (int dropped = 0; ; dropped++) {
      embed =
          new EmbedSpec(
              title,
              null,
              headline(summary, texts),
              colour(summary),
              fields,
              footer,
              summary.generatedAt(),
              image);
      if (embed.totalLength() <= EMBED_BUDGET || dropped == drops.size()) {
        break;
      }
      String drop = drops.get(dropped);
      fields.removeIf(f -> f.name().equals(drop));
    }
    MessageSpec message = MessageSpec.ofEmbed(embed);
    return chartPng == null
        ? message
        : message.withFiles(List.of(new FileSpec(SummaryChart.FILE_NAME, chartPng)));
  }

  /** The polite answer to a member who asks again too soon, in English. */
  public MessageSpec cooldown(Duration remaining) {
    return cooldown(remaining, Texts.english());
  }

  /** The polite answer to a member who asks again too soon. */
  public MessageSpec cooldown(Duration remaining, Texts texts) {
    long s = Math.max(1, (remaining.toMillis() + 999) / 1000);
    String wait =
        s < 60
            ? texts.get("duration.seconds", "count", s)
            : texts.get("duration.minutes", "count", (s + 59) / 60);
    return MessageSpec.ofContent(texts.get("summary.cooldown", "wait", wait));
  }

  static String headline(DiscussionSummary s) {
    return headline(s, Texts.english());
  }

  static String headline(DiscussionSummary s, Texts texts) {
    StringBuilder sb = new StringBuilder();
    sb.append(
            texts.get(
                "summary.counts",
                "takes",
                texts.get("summary.takes", "count", s.takes()),
                "members",
                texts.get("summary.members", "count", s.members())))
        .append('\n');
    int[] pct = percentages(s);
    String sep = "";
    for (Label l : Label.values()) {
      sb.append(sep)
          .append(
              texts.get(
                  "summary.share",
                  "dot",
                  dot(l),
                  "label",
                  label(l, texts),
                  "percent",
                  percent(pct[l.ordinal()], texts)));
      sep = " · ";
    }
    Trend t = s.trend();
    String trend;
    if (t.direction() == Trend.Direction.FIRST) {
      trend = texts.get("trend.first");
    } else {
      com.ibm.icu.text.DecimalFormat delta =
          new com.ibm.icu.text.DecimalFormat(
              "+0.00;-0.00", new com.ibm.icu.text.DecimalFormatSymbols(texts.locale()));
      trend =
          texts.get(
              "trend.since",
              "direction",
              texts.get("trend." + t.direction().name().toLowerCase(Locale.ROOT)),
              "ago",
              ago(Duration.between(t.since(), s.generatedAt()), texts),
              "delta",
              delta.format(t.delta()),
              "sign",
              t.newTakes() >= 0 ? "+" : "-",
              "newTakes",
              Math.abs(t.newTakes()));
    }
    sb.append('\n')
        .append(
            texts.get(
                "summary.tone",
                "tone",
                toneWords(s, texts),
                "arrow",
                t.direction().arrow(),
                "trend",
                trend));
    if (s.firstTakeAt() != null) {
      sb.append('\n')
          .append(
              texts.get(
                  "summary.range",
                  "from",
                  timestamp(s.firstTakeAt()),
                  "to",
                  timestamp(s.lastTakeAt())));
    }
    return sb.toString();
  }

  /**
   * Discord's own timestamp markup: each reader's client shows it in their language and time zone.
   */
  static String timestamp(Instant at) {
    return "<t:" + at.getEpochSecond() + ":f>";
  }

  /** "leaning negative" or "balanced but divided", in the readers' language. */
  static String toneWords(DiscussionSummary s, Texts texts) {
    String tone = texts.get("tone." + s.tone().name().toLowerCase(Locale.ROOT));
    return s.divided() ? texts.get("tone.divided", "tone", tone) : tone;
  }

  /** A sentiment label's name, e.g. {@code négatif}. */
  public static String label(Label l, Texts texts) {
    return texts.get("label." + l.id());
  }

  /** A whole percentage the language's way: {@code 41%}, {@code 41 %}. */
  static String percent(long whole, Texts texts) {
    return com.ibm.icu.text.NumberFormat.getPercentInstance(texts.locale()).format(whole / 100.0);
  }

  /** Whole percentages that add up to exactly 100 (largest remainder). */
  static int[] percentages(DiscussionSummary s) {
    Label[] labels = Label.values();
    int[] pct = new int[labels.length];
    if (s.takes() == 0) {
      return pct;
    }
    double[] rest = new double[labels.length];
    int sum = 0;
    for (Label l : labels) {
      double exact = 100.0 * s.byLabel().get(l) / s.takes();
      pct[l.ordinal()] = (int) Math.floor(exact);
      rest[l.ordinal()] = exact - pct[l.ordinal()];
      sum += pct[l.ordinal()];
    }
    while (sum < 100) {
      int best = 0;
      for (int i = 1; i < labels.length; i++) {
        if (rest[i] > rest[best]) {
          best = i;
        }
      }
      pct[best]++;
      rest[best] = -1;
      sum++;
    }
    return pct;
  }

  private static void addSide(
      List<FieldSpec> fields,
      String name,
      List<Representative> reps,
      int max,
      long guild,
      Texts texts) {
    if (reps == null || reps.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(max, reps.size()); i++) {
      if (i > 0) {
        sb.append("\n\n");
      }
      sb.append(quoteLine(reps.get(i), guild, texts));
    }
    fields.add(new FieldSpec(name, sb.toString(), false));
  }

  /** “quoted take” — **name** · [jump](link). */
  static String quoteLine(Representative r, long guild) {
    return quoteLine(r, guild, Texts.english());
  }

  static String quoteLine(Representative r, long guild, Texts texts) {
    String name =
        r.authorName() == null || r.authorName().isBlank()
            ? texts.get("summary.aMember")
            : quote(r.authorName(), NAME);
    return texts.get(
        "summary.quote", "text", quote(r.text(), QUOTE), "name", name, "link", r.jumpUrl(guild));
  }

  private static String themes(DiscussionSummary s, Texts texts) {
    StringBuilder sb = new StringBuilder();
    for (Theme t : s.themes()) {
      String line =
          texts.get(
              "theme.line",
              "name",
              quote(name(t, texts), 60),
              "verdict",
              t.verdict(s.isSampled(), texts));
      if (sb.length() + line.length() + 1 > DiscordLimits.FIELD_VALUE - 24) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : "\n").append(line);
    }
    return sb.toString();
  }

  /**
   * A theme's name for the readers: a known entity in their language ("Russie", "États-Unis"), any
   * other theme as members wrote it.
   */
  static String name(Theme t, Texts texts) {
    String key = "entity." + t.name().replace(' ', '_');
    return t.entity() && texts.has(key) ? texts.get(key) : t.name();
  }

  /**
   * {@link SafeText#quote}, with mentions defused first: quoting escapes the closing {@code >} of
   * {@code <@&1>}, after which the mention pattern no longer recognises it.
   */
  static String quote(String untrusted, int max) {
    return SafeText.quote(SafeText.defuseMentions(untrusted), max);
  }

  private static Integer colour(DiscussionSummary s) {
    return switch (s.tone()) {
      case STRONGLY_NEGATIVE, NEGATIVE, LEANING_NEGATIVE ->
          SummaryChart.colour(Label.NEGATIVE).getRGB() & 0xFFFFFF;
      case BALANCED ->
          SummaryChart.colour(s.divided() ? Label.MIXED : Label.NEUTRAL).getRGB() & 0xFFFFFF;
      default -> SummaryChart.colour(Label.POSITIVE).getRGB() & 0xFFFFFF;
    };
  }

  private static String dot(Label l) {
    return switch (l) {
      case POSITIVE -> "🟢";
      case NEGATIVE -> "🔴";
      case NEUTRAL -> "⚪";
      case MIXED -> "🟡";
    };
  }

  private static String ago(Duration d, Texts texts) {
    long m = Math.max(0, d.toMinutes());
    if (m < 1) {
      return texts.get("ago.now");
    }
    if (m < 90) {
      return texts.get("ago.minutes", "minutes", m);
    }
    long h = Math.round(m / 60.0);
    return h < 48
        ? texts.get("ago.hours", "hours", h)
        : texts.get("ago.days", "days", Math.round(h / 24.0));
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
