package dev.takebot.takes.summary;

import dev.takebot.message.DiscordLimits;
import dev.takebot.message.EmbedSpec;
import dev.takebot.message.FieldSpec;
import dev.takebot.message.FileSpec;
import dev.takebot.message.MessageSpec;
import dev.takebot.message.SafeText;
import dev.takebot.sentiment.Label;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

  private static final String MIXED = "🤔 Mixed feelings";
  private static final String MOST_REACTED = "🔥 Most reacted";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * The summary message.
   *
   * @param summary what to show
   * @param chartPng the chart from {@link SummaryChart#render}, or {@code null} to send none
   */
  public MessageSpec render(DiscussionSummary summary, byte[] chartPng) {
    String title =
        "Takes on: "
            + quote(
                summary.discussion().title() == null
                    ? "this article"
                    : summary.discussion().title(),
                200);
    if (summary.takes() == 0) {
      return MessageSpec.ofEmbed(
          new EmbedSpec(
              title,
              null,
              "No takes yet. Reply in the thread to share yours.",
              null,
              List.of(),
              "",
              summary.generatedAt(),
              null));
    }
    List<FieldSpec> fields = new ArrayList<>();
    long guild = summary.discussion().guildId();
    addSide(fields, "👍 Positive side", summary.representatives().get(Label.POSITIVE), 2, guild);
    addSide(fields, "👎 Negative side", summary.representatives().get(Label.NEGATIVE), 2, guild);
    addSide(fields, MIXED, summary.representatives().get(Label.MIXED), 1, guild);
    summary
        .mostReacted()
        .ifPresent(
            r ->
                fields.add(
                    new FieldSpec(
                        MOST_REACTED
                            + " ("
                            + r.reactions()
                            + (r.reactions() == 1 ? " reaction)" : " reactions)"),
                        quoteLine(r, guild),
                        false)));
    if (!summary.themes().isEmpty()) {
      fields.add(new FieldSpec("🧭 Themes", themes(summary), false));
    }
    String footer =
        summary.isSampled()
            ? "Themes and quotes from a sample of "
                + count(summary.sampled())
                + " of "
                + count(summary.takes())
                + " takes · times in UTC"
            : "Times in UTC";
    String image = chartPng == null ? null : "attachment://" + SummaryChart.FILE_NAME;
    // Quotes are bounded, so dropping only happens with long names and titles: the least useful
    // field goes first.
    List<String> drops = List.of(MIXED, MOST_REACTED);
    EmbedSpec embed;
    for (int dropped = 0; ; dropped++) {
      embed =
          new EmbedSpec(
              title,
              null,
              headline(summary),
              colour(summary),
              fields,
              footer,
              summary.generatedAt(),
              image);
      if (embed.totalLength() <= EMBED_BUDGET || dropped == drops.size()) {
        break;
      }
      String drop = drops.get(dropped);
      fields.removeIf(f -> f.name().startsWith(drop));
    }
    MessageSpec message = MessageSpec.ofEmbed(embed);
    return chartPng == null
        ? message
        : message.withFiles(List.of(new FileSpec(SummaryChart.FILE_NAME, chartPng)));
  }

  /** The polite answer to a member who asks again too soon. */
  public MessageSpec cooldown(Duration remaining) {
    long s = Math.max(1, (remaining.toMillis() + 999) / 1000);
    String wait =
        s < 60
            ? s + (s == 1 ? " second" : " seconds")
            : ((s + 59) / 60) + ((s + 59) / 60 == 1 ? " minute" : " minutes");
    return MessageSpec.ofContent(
        "You asked for a summary a moment ago. You can ask again in "
            + wait
            + "; meanwhile the last one is still in the channel.");
  }

  static String headline(DiscussionSummary s) {
    StringBuilder sb = new StringBuilder();
    sb.append("**")
        .append(count(s.takes()))
        .append(s.takes() == 1 ? " take** from **" : " takes** from **")
        .append(count(s.members()))
        .append(s.members() == 1 ? " member**\n" : " members**\n");
    int[] pct = percentages(s);
    String sep = "";
    for (Label l : Label.values()) {
      sb.append(sep)
          .append(dot(l))
          .append(' ')
          .append(l.id())
          .append(" **")
          .append(pct[l.ordinal()])
          .append("%**");
      sep = " · ";
    }
    sb.append("\nTone: **")
        .append(s.toneWords())
        .append("** ")
        .append(s.trend().direction().arrow())
        .append(' ');
    Trend t = s.trend();
    if (t.direction() == Trend.Direction.FIRST) {
      sb.append("first summary");
    } else {
      sb.append(t.direction().words())
          .append(" since the last summary (")
          .append(ago(Duration.between(t.since(), s.generatedAt())))
          .append(": ")
          .append(String.format(Locale.ROOT, "%+.2f", t.delta()))
          .append(", ")
          .append(t.newTakes() >= 0 ? "+" : "")
          .append(count(t.newTakes()))
          .append(Math.abs(t.newTakes()) == 1 ? " take)" : " takes)");
    }
    if (s.firstTakeAt() != null) {
      sb.append("\nFrom ")
          .append(WHEN.format(s.firstTakeAt()))
          .append(" to ")
          .append(WHEN.format(s.lastTakeAt()))
          .append(" UTC");
    }
    return sb.toString();
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
      List<FieldSpec> fields, String name, List<Representative> reps, int max, long guild) {
    if (reps == null || reps.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(max, reps.size()); i++) {
      if (i > 0) {
        sb.append("\n\n");
      }
      sb.append(quoteLine(reps.get(i), guild));
    }
    fields.add(new FieldSpec(name, sb.toString(), false));
  }

  /** “quoted take” — **name** · [jump](link). */
  static String quoteLine(Representative r, long guild) {
    String name =
        r.authorName() == null || r.authorName().isBlank()
            ? "a member"
            : quote(r.authorName(), NAME);
    return "“" + quote(r.text(), QUOTE) + "” — **" + name + "** · [jump](" + r.jumpUrl(guild) + ")";
  }

  private static String themes(DiscussionSummary s) {
    StringBuilder sb = new StringBuilder();
    for (Theme t : s.themes()) {
      String line = "**" + quote(t.name(), 60) + "**: " + t.verdict(s.isSampled());
      if (sb.length() + line.length() + 1 > DiscordLimits.FIELD_VALUE - 24) {
        break;
      }
      sb.append(sb.length() == 0 ? "" : "\n").append(line);
    }
    return sb.toString();
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

  private static String ago(Duration d) {
    long m = Math.max(0, d.toMinutes());
    if (m < 1) {
      return "just now";
    }
    if (m < 90) {
      return m + " min ago";
    }
    long h = Math.round(m / 60.0);
    return h < 48 ? h + " h ago" : Math.round(h / 24.0) + " days ago";
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
