package dev.takebot.takes.summary;

import dev.takebot.i18n.Texts;
import dev.takebot.sentiment.Label;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A key phrase or named entity that takes discuss, with how the takes mentioning it feel.
 *
 * @param name display form, e.g. "Russia" or "rare earth minerals"
 * @param mentions takes mentioning it (estimated from the sample when the summary is sampled)
 * @param byLabel those takes per label; every label present
 * @param entity true for a named entity (a capitalised name), false for a common phrase
 */
public record Theme(String name, long mentions, Map<Label, Long> byLabel, boolean entity) {
  /** Share of one label at which a theme counts as "mostly" that label. */
  static final double MOSTLY = 0.6;

  public Theme {
    EnumMap<Label, Long> copy = new EnumMap<>(Label.class);
    for (Label l : Label.values()) {
      copy.put(l, byLabel.getOrDefault(l, 0L));
    }
    byLabel = Map.copyOf(copy);
  }

  /**
   * The label held by at least {@value #MOSTLY} of the mentions, or {@code null} when opinion is
   * split.
   */
  public Label dominant() {
    for (Label l : Label.values()) {
      if (mentions > 0 && byLabel.get(l) >= MOSTLY * mentions) {
        return l;
      }
    }
    return null;
  }

  /** "mostly negative (7 of 9)" or "mixed (3 positive, 3 negative, 2 neutral)". */
  public String verdict() {
    return verdict(false);
  }

  /**
   * The verdict; when {@code estimated} (counts scaled from a sample) it gives shares instead of
   * counts: "mostly negative (≈72% of ≈9,400)" or "mixed (≈41% negative, 33% positive, 26%
   * neutral)".
   */
  public String verdict(boolean estimated) {
    return verdict(estimated, Texts.english());
  }

  /** The verdict in the readers' language: "plutôt négatif (8 sur 10)". */
  public String verdict(boolean estimated, Texts texts) {
    Label d = dominant();
    if (d != null) {
      String what =
          d == Label.MIXED
              ? texts.get("theme.mostly.mixed")
              : texts.get("theme.mostly", "label", texts.get("label." + d.id()));
      return estimated
          ? texts.get(
              "theme.of.estimated",
              "verdict",
              what,
              "percent",
              percent(byLabel.get(d), texts),
              "total",
              mentions)
          : texts.get("theme.of", "verdict", what, "count", byLabel.get(d), "total", mentions);
    }
    StringBuilder sb = new StringBuilder();
    String sep = "";
    List<Label> order = new ArrayList<>(List.of(Label.values()));
    if (estimated) {
      order.sort(Comparator.comparingLong((Label l) -> byLabel.get(l)).reversed());
    }
    for (Label l : order) {
      long n = byLabel.get(l);
      if (n > 0) {
        sb.append(sep)
            .append(
                estimated
                    ? texts.get(
                        "theme.share",
                        "percent",
                        percent(n, texts),
                        "label",
                        texts.get("label." + l.id()))
                    : texts.get("theme.part." + l.id(), "count", n));
        sep = ", ";
      }
    }
    return texts.get(estimated ? "theme.split.estimated" : "theme.split", "parts", sb.toString());
  }

  private String percent(long n, Texts texts) {
    return com.ibm.icu.text.NumberFormat.getPercentInstance(texts.locale())
        .format(Math.round(100.0 * n / mentions) / 100.0);
  }

  /** "Russia: mostly negative (7 of 9)". */
  @Override
  public String toString() {
    return name + ": " + verdict();
  }
}
