package dev.takebot.takes.summary;

import dev.takebot.i18n.Texts;
import dev.takebot.sentiment.Label;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CenterTextMode;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * Draws a summary as one PNG: a ring of the sentiment split on the left, and takes per label over
 * time as a stacked area on the right. The background is transparent and every colour is a mid
 * tone, so the image reads on Discord's dark and light themes alike. Rendered headless with
 * JFreeChart. Thread-safe: each call builds its own charts.
 */
public final class SummaryChart {
  /** The file name the embed refers to as {@code attachment://summary-chart.png}. */
  public static final String FILE_NAME = "summary-chart.png";

  public static final int WIDTH = 800;
  public static final int HEIGHT = 400;

  static {
    // A bot has no display; without this AWT may try to reach one.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** Mid-grey text: readable on Discord's #313338 dark and #FFFFFF light backgrounds. */
  static final Color TEXT = new Color(0x80, 0x84, 0x8E);

  private static final Color GRID = new Color(0x80, 0x84, 0x8E, 0x50);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 15);

  /** The colour that stands for a label, in charts and embeds. */
  public static Color colour(Label label) {
    return switch (label) {
      case POSITIVE -> new Color(0x3B, 0xA5, 0x5C);
      case NEGATIVE -> new Color(0xE0, 0x4F, 0x4F);
      case NEUTRAL -> new Color(0x6C, 0x8E, 0xBF);
      case MIXED -> new Color(0xE0, 0x9B, 0x2D);
    };
  }

  /** Renders the chart as PNG bytes, {@value #WIDTH}×{@value #HEIGHT}. */
  public byte[] render(DiscussionSummary summary) {
    return render(summary, Texts.english());
  }

  /** The chart with its titles, labels and dates in the readers' language. */
  public byte[] render(DiscussionSummary summary, Texts texts) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      int ringWidth = 300;
      ring(summary, texts).draw(g, new Rectangle2D.Double(0, 0, ringWidth, HEIGHT));
      timeline(summary, texts)
          .draw(g, new Rectangle2D.Double(ringWidth, 0, WIDTH - ringWidth, HEIGHT));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not encode the summary chart", e); // in-memory: not expected
    }
    return out.toByteArray();
  }

  private static JFreeChart ring(DiscussionSummary summary, Texts texts) {
    DefaultPieDataset<String> data = new DefaultPieDataset<>();
    for (Label l : Label.values()) {
      long n = summary.byLabel().get(l);
      if (n > 0) {
        data.setValue(SummaryRenderer.label(l, texts), n);
      }
    }
    JFreeChart chart = ChartFactory.createRingChart(null, data, false, false, texts.locale());
    chart.setBackgroundPaint(null);
    chart.setTitle(title(texts.get("chart.split")));
    RingPlot plot = (RingPlot) chart.getPlot();
    plot.setBackgroundPaint(null);
    plot.setOutlineVisible(false);
    plot.setShadowPaint(null);
    plot.setSeparatorsVisible(false);
    plot.setSectionDepth(0.32);
    plot.setInteriorGap(0.06);
    plot.setCenterTextMode(CenterTextMode.FIXED);
    plot.setCenterText(
        texts.get(
            "chart.center",
            "count",
            compact(summary.takes(), texts.locale()),
            "takes",
            summary.takes()));
    plot.setCenterTextFont(FONT);
    plot.setCenterTextColor(TEXT);
    plot.setNoDataMessage(texts.get("chart.empty"));
    plot.setNoDataMessagePaint(TEXT);
    plot.setNoDataMessageFont(BOLD);
    for (Label l : Label.values()) {
      plot.setSectionPaint(SummaryRenderer.label(l, texts), colour(l));
    }
    plot.setLabelGenerator(
        new StandardPieSectionLabelGenerator(
            "{0}\n{2}",
            NumberFormat.getIntegerInstance(texts.locale()),
            NumberFormat.getPercentInstance(texts.locale())));
    plot.setLabelFont(FONT);
    plot.setMaximumLabelWidth(0.22);
    plot.setLabelPaint(TEXT);
    plot.setLabelBackgroundPaint(null);
    plot.setLabelOutlinePaint(null);
    plot.setLabelShadowPaint(null);
    plot.setLabelLinkPaint(TEXT);
    return chart;
  }

  private static JFreeChart timeline(DiscussionSummary summary, Texts texts) {
    SentimentSeries series = summary.series();
    List<SentimentSeries.Point> points = series.points();
    DefaultTableXYDataset data = new DefaultTableXYDataset();
    long step = series.bucket().toMillis();
    // Cumulative counts: smooth even for sparse threads, band widths show how the split moved, and
    // the
    // right edge equals the ring's totals.
    for (Label l : Label.values()) {
      XYSeries s = new XYSeries(SummaryRenderer.label(l, texts), true, false);
      long sum = 0;
      for (SentimentSeries.Point p : points) {
        sum += p.byLabel().get(l);
        s.add(p.start().toEpochMilli() + step, sum);
      }
      if (!points.isEmpty()) {
        s.add(points.get(0).start().toEpochMilli(), 0);
      }
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createStackedXYAreaChart(
            null, null, null, data, PlotOrientation.VERTICAL, true, false, false);
    chart.setBackgroundPaint(null);
    chart.setTitle(title(texts.get("chart.overTime")));
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(null);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.8f));
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setNoDataMessage(texts.get("chart.empty"));
    plot.setNoDataMessagePaint(TEXT);
    DateAxis time = new DateAxis();
    Locale locale = texts.locale();
    time.setTimeZone(TimeZone.getTimeZone("UTC"));
    if (step >= 24L * 3600 * 1000) {
      time.setDateFormatOverride(utc("d MMM", locale));
    } else if (points.size() > 0
        && points.get(points.size() - 1).start().toEpochMilli()
                - points.get(0).start().toEpochMilli()
            > 24L * 3600 * 1000) {
      time.setDateFormatOverride(utc("d MMM HH:mm", locale));
    } else {
      time.setDateFormatOverride(utc("HH:mm", locale));
    }
    style(time);
    plot.setDomainAxis(time);
    NumberAxis count = (NumberAxis) plot.getRangeAxis();
    count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    style(count);
    for (Label l : Label.values()) {
      plot.getRenderer().setSeriesPaint(l.ordinal(), colour(l));
    }
    LegendTitle legend = chart.getLegend();
    legend.setBackgroundPaint(null);
    legend.setItemPaint(TEXT);
    legend.setItemFont(FONT);
    legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
    legend.setPosition(RectangleEdge.BOTTOM);
    return chart;
  }

  private static void style(org.jfree.chart.axis.Axis axis) {
    axis.setTickLabelFont(FONT);
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLinePaint(GRID);
    axis.setTickMarkPaint(GRID);
    axis.setLabelPaint(TEXT);
  }

  private static TextTitle title(String text) {
    TextTitle t = new TextTitle(text, BOLD);
    t.setPaint(TEXT);
    t.setBackgroundPaint(null);
    return t;
  }

  /** Short counts that fit inside the ring: 9,999 · 12.3k · 456k · 1.2M. */
  static String compact(long n) {
    return compact(n, Locale.ROOT);
  }

  /** {@link #compact(long)} with the language's decimal separator: 12,3k in French. */
  static String compact(long n, Locale locale) {
    if (n < 10_000) {
      return NumberFormat.getIntegerInstance(locale).format(n);
    }
    if (n < 100_000) {
      return String.format(locale, "%.1fk", n / 1000.0);
    }
    if (n < 999_500) {
      return Math.round(n / 1000.0) + "k";
    }
    return String.format(locale, "%.1fM", n / 1_000_000.0);
  }

  private static SimpleDateFormat utc(String pattern, Locale locale) {
    SimpleDateFormat f = new SimpleDateFormat(pattern, locale);
    f.setTimeZone(TimeZone.getTimeZone("UTC"));
    return f;
  }
}
