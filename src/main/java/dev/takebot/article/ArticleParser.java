package dev.takebot.article;

import dev.takebot.text.TextHash;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the article formats moderators paste:
 *
 * <ul>
 *   <li><b>seed</b>: first line {@code date YYYY-MM-DD Title}, then paragraphs separated by blank
 *       lines, inline {@code #hashtags}, the video link on a line of its own, a closing call to
 *       action;
 *   <li><b>Markdown</b>, with optional YAML front matter ({@code title}, {@code date}, {@code
 *       tags}, {@code video}) or a {@code # Title} heading;
 *   <li><b>plain text</b> whose first line is the title.
 * </ul>
 *
 * <p>Input that cannot be an article throws {@link ArticleFormatException} with a one-line message.
 */
public final class ArticleParser {
  /** Larger input is a whole web page or a wrong file, not an article. */
  public static final int MAX_BYTES = 100 * 1024;

  /** Longer first lines are paragraphs, not titles. */
  static final int MAX_TITLE = 200;

  /**
   * Longer lines are read in pieces of at most this many characters, cut at spaces: no paragraph of
   * an article is 20,000 characters (some 3,000 words) without a line break; such a line is a page
   * pasted flat or a crafted input. Every pass is linear anyway; the cap bounds what the per-line
   * Markdown and link passes see at once, and a link or emphasis that spans a cut is read as plain
   * text.
   */
  public static final int MAX_LINE = 20_000;

  /**
   * Trailing hashtags removed from a title: at most this many, each at most {@link
   * #MAX_TRAILING_TAG} characters.
   */
  private static final int MAX_TRAILING_TAGS = 30;

  private static final int MAX_TRAILING_TAG = 61;

  private static final Pattern HASHTAG =
      Pattern.compile("(?<![\\p{L}\\p{N}_&/#])#(\\p{L}[\\p{L}\\p{N}_]*)");
  private static final Pattern CALL_TO_ACTION =
      Pattern.compile(
          "(?i).*(your (take|view|opinion|thoughts)|what do you think|thoughts\\s*\\?|let us know|tell us|"
              + "weigh in|share your|comment below|reply below|join the discussion|discuss).*");
  private static final Pattern POINTING =
      Pattern.compile(".*[\\x{1F447}\\x{2B07}\\x{1F53D}\\x{2935}].*");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  private ArticleParser() {}

  /** Parses raw file bytes: checks size and binary content first, then decodes strict UTF-8. */
  public static Article parse(byte[] bytes) {
    return parse(TextNormalizer.decode(bytes, MAX_BYTES));
  }

  /**
   * Parses one article.
   *
   * @throws ArticleFormatException when the text cannot be an article; its message is one line
   */
  public static Article parse(String text) {
    String normalized = TextNormalizer.normalize(text, MAX_BYTES);
    List<String> lines = List.of(normalized.split("\n", -1));
    int first = firstNonBlank(lines, 0);
    if (first < 0) {
      throw ArticleFormatException.of(0, "articleError.empty");
    }
    if (lines.stream().filter(l -> !l.isBlank()).allMatch(ArticleParser::onlyTags)) {
      throw ArticleFormatException.of(first + 1, "articleError.onlyHashtags");
    }
    Header header = header(lines, first);
    Body body =
        body(
            lines,
            header.bodyStart(),
            header.format() == Article.Format.MARKDOWN,
            header.bodyStart() + 1);
    Map<String, String> tags = new LinkedHashMap<>();
    header.tags().forEach(t -> tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
    body.tags.forEach(t -> tags.putIfAbsent(t.toLowerCase(Locale.ROOT), t));
    String video =
        header.video() != null
            ? LinkCleaner.clean(header.video()).map(CleanLink::url).orElse(null)
            : body.video;
    return new Article(
        header.format(),
        header.title(),
        header.date(),
        body.paragraphs,
        List.copyOf(tags.values()),
        video,
        body.links.stream().filter(l -> !l.equals(video)).toList(),
        body.callToAction,
        key(normalized),
        null); // pasted or attached: read from no page
  }

  private record Header(
      Article.Format format,
      String title,
      LocalDate date,
      List<String> tags,
      String video,
      int bodyStart) {}

  private static Header header(List<String> lines, int first) {
    String line = lines.get(first).strip();
    int lineNo = first + 1;
    if (line.equals("---")) {
      return frontMatter(lines, first);
    }
    String[] seed = seedHeader(line);
    if (seed != null) {
      if (seed[0] == null) {
        throw ArticleFormatException.of(lineNo, "articleError.dateNeedsValue");
      }
      LocalDate date = parseDate(seed[0], lineNo);
      List<String> tags = new ArrayList<>();
      String title = title(seed[1] == null ? "" : seed[1], lineNo, tags, false);
      return new Header(Article.Format.SEED, title, date, tags, null, first + 1);
    }
    String heading = headingText(line);
    if (heading != null && !onlyTags(line)) {
      List<String> tags = new ArrayList<>();
      String title = title(heading, lineNo, tags, true);
      return new Header(Article.Format.MARKDOWN, title, null, tags, null, first + 1);
    }
    List<String> tags = new ArrayList<>();
    String title = title(line, lineNo, tags, false);
    return new Header(Article.Format.PLAIN, title, null, tags, null, first + 1);
  }

  private static Header frontMatter(List<String> lines, int open) {
    int close = -1;
    for (int i = open + 1; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.equals("---") || l.equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw ArticleFormatException.of(open + 1, "articleError.frontMatterOpen");
    }
    FrontMatter fm = FrontMatter.parse(lines.subList(open + 1, close), open + 2);
    List<String> tags = new ArrayList<>(fm.tags());
    String title = fm.title();
    int bodyStart = close + 1;
    if (title == null || title.isBlank()) {
      int next = firstNonBlank(lines, close + 1);
      if (next < 0) {
        throw ArticleFormatException.of(open + 1, "articleError.noTitle");
      }
      String heading = headingText(lines.get(next).strip());
      title = heading != null ? heading : lines.get(next);
      bodyStart = next + 1;
      title = title(title, next + 1, tags, true);
    } else {
      title = title(title, open + 2, tags, true);
    }
    return new Header(Article.Format.MARKDOWN, title, fm.date(), tags, fm.video(), bodyStart);
  }

  /**
   * The line in pieces of at most {@link #MAX_LINE} characters, cut at the last space before the
   * cap.
   */
  static List<String> pieces(String line) {
    if (line.length() <= MAX_LINE) {
      return List.of(line);
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (line.length() - start > MAX_LINE) {
      int cut = line.lastIndexOf(' ', start + MAX_LINE);
      if (cut <= start + MAX_LINE / 2) {
        cut = start + MAX_LINE; // one giant word: cut it, never inside a surrogate pair
        cut -= Character.isHighSurrogate(line.charAt(cut - 1)) ? 1 : 0;
      }
      pieces.add(line.substring(start, cut));
      start = cut;
    }
    pieces.add(line.substring(start));
    return pieces;
  }

  /**
   * The parts of a seed header {@code date[:] [YYYY-MM-DD [Title]]}: {date or null, title or null},
   * or null when the line is not one. {@code line} is stripped and holds no line break.
   */
  static String[] seedHeader(String line) {
    if (line.length() < 4 || !"date".equalsIgnoreCase(line.substring(0, 4))) {
      return null;
    }
    int i = 4;
    if (i < line.length() && line.charAt(i) == ':') {
      i++;
    }
    if (i == line.length()) {
      return new String[] {null, null};
    }
    if (!isSpace(line.charAt(i))) {
      return null; // "dated", "date-line": a word, not the header
    }
    i = skipSpaces(line, i);
    int dateEnd = i;
    while (dateEnd < line.length() && !isSpace(line.charAt(dateEnd))) {
      dateEnd++;
    }
    int titleStart = skipSpaces(line, dateEnd);
    return new String[] {
      line.substring(i, dateEnd), titleStart < line.length() ? line.substring(titleStart) : null
    };
  }

  /**
   * The text of an ATX heading ({@code ## Title ##}): up to three spaces, one to six '#', a space,
   * the text without its closing '#'s and trailing spaces; null when the line is not a heading.
   */
  static String headingText(String line) {
    int i = 0;
    while (i < 3 && i < line.length() && isSpace(line.charAt(i))) {
      i++;
    }
    int hashes = i;
    while (i < line.length() && line.charAt(i) == '#') {
      i++;
    }
    if (i == hashes || i - hashes > 6 || i == line.length() || !isSpace(line.charAt(i))) {
      return null;
    }
    int start = skipSpaces(line, i);
    int end = line.length();
    while (end > start && isSpace(line.charAt(end - 1))) {
      end--;
    }
    int closing = end;
    while (closing > start && line.charAt(closing - 1) == '#') {
      closing--;
    }
    if (closing < end && closing > start && isSpace(line.charAt(closing - 1))) {
      end = closing;
      while (end > start && isSpace(line.charAt(end - 1))) {
        end--;
      }
    }
    return line.substring(start, end);
  }

  /**
   * Where the run of trailing hashtags of a title begins ("Mali votes #Sahel #AES" → before "
   * #Sahel"), or the title's length when it ends in none. At most 30 tags of at most 61 characters
   * go; inline ones stay words.
   */
  static int trailingTagsStart(String s) {
    int start = s.length();
    int end = s.length();
    for (int tags = 0; tags < MAX_TRAILING_TAGS; tags++) {
      int body = end;
      while (body > 0 && isTagChar(s.codePointBefore(body))) {
        body -= Character.charCount(s.codePointBefore(body));
      }
      if (body == end
          || s.codePointCount(body, end) > MAX_TRAILING_TAG
          || !Character.isLetter(s.codePointAt(body))
          || body < 2
          || s.charAt(body - 1) != '#'
          || !isSpace(s.charAt(body - 2))) {
        break;
      }
      int spaces = body - 1;
      while (spaces > 0 && isSpace(s.charAt(spaces - 1))) {
        spaces--;
      }
      start = spaces;
      end = spaces;
    }
    return start;
  }

  private static boolean isTagChar(int cp) {
    int type = Character.getType(cp);
    return Character.isLetter(cp)
        || cp == '_'
        || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** What regular expressions call {@code \\s}. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static int skipSpaces(String s, int from) {
    int i = from;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String title(String raw, int lineNo, List<String> tags, boolean markdown) {
    String s = markdown ? MarkdownText.plain(raw) : raw;
    s = s.strip();
    if (!LinkCleaner.findUrls(s).isEmpty()
        && LinkCleaner.findUrls(s).get(0).length() >= s.length() - 1) {
      throw ArticleFormatException.of(lineNo, "articleError.linkTitle");
    }
    Matcher m = HASHTAG.matcher(s);
    while (m.find()) {
      tags.add(m.group(1));
    }
    // Trailing tags are labels, not words of the title; inline ones are words ("#Mali votes").
    s = s.substring(0, trailingTagsStart(s));
    s = HASHTAG.matcher(s).replaceAll("$1").replaceAll("\\s+", " ").strip();
    if (!LETTER.matcher(s).find()) {
      throw ArticleFormatException.of(lineNo, "articleError.wordlessTitle");
    }
    if (s.length() > MAX_TITLE) {
      throw ArticleFormatException.of(
          lineNo, "articleError.longTitle", "length", s.length(), "max", MAX_TITLE);
    }
    return s;
  }

  private static LocalDate parseDate(String text, int lineNo) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ArticleFormatException.of(lineNo, "articleError.badDate", "date", text);
    }
  }

  /** What the body yields: prose paragraphs, the author's inline tags, links, a call to action. */
  private static final class Body {
    final List<String> paragraphs = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    String video;
    String callToAction;
  }

  private static Body body(List<String> lines, int start, boolean markdown, int firstBodyLine) {
    List<List<String>> blocks = blocks(lines, start, markdown);
    Body body = new Body();
    List<String> prose = new ArrayList<>();
    for (List<String> block : blocks) {
      StringBuilder text = new StringBuilder();
      for (String whole : block) {
        for (String line : pieces(whole)) {
          List<String> urls = new ArrayList<>();
          String visible = line;
          if (markdown) {
            urls.addAll(MarkdownText.linkTargets(line));
            visible = MarkdownText.isLinkLine(line) ? "" : MarkdownText.plain(line);
          }
          urls.addAll(LinkCleaner.findUrls(visible));
          visible = removeUrls(visible);
          for (String url : urls) {
            LinkCleaner.clean(url)
                .ifPresent(
                    link -> {
                      if (link.isVideo() && body.video == null) {
                        body.video = link.url();
                      } else if (!body.links.contains(link.url())) {
                        body.links.add(link.url());
                      }
                    });
          }
          text.append(visible).append(' ');
        }
      }
      String paragraph = text.toString();
      HASHTAG.matcher(paragraph).results().forEach(r -> body.tags.add(r.group(1)));
      String words = HASHTAG.matcher(paragraph).replaceAll("$1").replaceAll("\\s+", " ").strip();
      if (onlyTags(paragraph) || !LETTER.matcher(words).find()) {
        continue;
      }
      prose.add(words);
    }
    if (!prose.isEmpty() && isCallToAction(prose.get(prose.size() - 1))) {
      body.callToAction = prose.remove(prose.size() - 1);
    }
    if (prose.isEmpty()) {
      throw ArticleFormatException.of(firstBodyLine, "articleError.noText");
    }
    body.paragraphs.addAll(prose);
    return body;
  }

  /**
   * Splits lines into paragraphs at blank lines; in Markdown also at headings, rules, list items
   * and fences.
   */
  private static List<List<String>> blocks(List<String> lines, int start, boolean markdown) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    boolean fenced = false;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean fence = markdown && line.strip().startsWith("```");
      if (fence) {
        fenced = !fenced;
      }
      boolean skip =
          fence
              || fenced
              || (markdown
                  && (headingText(line) != null && !onlyTags(line) || MarkdownText.isRule(line)));
      boolean breakBefore = line.isBlank() || skip || (markdown && MarkdownText.isListItem(line));
      if (breakBefore && !current.isEmpty()) {
        blocks.add(current);
        current = new ArrayList<>();
      }
      if (!line.isBlank() && !skip) {
        current.add(line.strip());
      }
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    return blocks;
  }

  private static boolean isCallToAction(String paragraph) {
    return paragraph.length() <= 80
        && (CALL_TO_ACTION.matcher(paragraph).matches()
            || POINTING.matcher(paragraph).matches()
            || (paragraph.endsWith("?") && paragraph.length() <= 60));
  }

  private static String removeUrls(String line) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] span : LinkCleaner.urlSpans(line)) {
      out.append(line, at, span[0]);
      at = span[1];
    }
    out.append(line.substring(at));
    // "Watch: " or "(see )" left behind by a removed link reads as debris.
    return out.toString()
        .replaceAll("\\(\\s*\\)", "")
        .replaceAll("(?i)\\b(watch|video|link|source|more|read more)\\s*:\\s*$", "");
  }

  /**
   * A line or paragraph of nothing but hashtags (no regex repetition: it must not recurse on 100
   * KB).
   */
  private static boolean onlyTags(String text) {
    return text.indexOf('#') >= 0 && HASHTAG.matcher(text).replaceAll("").isBlank();
  }

  private static int firstNonBlank(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return i;
      }
    }
    return -1;
  }

  /** SHA-256 of the text with blank-line runs and surrounding whitespace normalised away. */
  static String key(String normalized) {
    return TextHash.sha256(canonical(normalized), 8);
  }

  /**
   * The text the article key is computed from: stripped, each run of blank lines one blank line, no
   * line's leading spaces or tabs. One pass; it gives what {@code replaceAll("\n[ \t]*(\n[ \t]*)+",
   * "\n\n")} then {@code replaceAll("(?m)^[ \t]+", "")} gave (stored keys stay valid), without
   * their recursion, which overflowed the stack on some 1,500 blank lines.
   */
  static String canonical(String normalized) {
    String s = normalized.strip();
    StringBuilder out = new StringBuilder(s.length());
    int i = skipIndent(s, 0);
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        int next = skipIndent(s, i + 1);
        if (next < s.length() && s.charAt(next) == '\n') {
          while (next < s.length() && s.charAt(next) == '\n') {
            next = skipIndent(s, next + 1);
          }
          out.append("\n\n");
        } else {
          out.append('\n');
        }
        i = next;
      } else {
        out.append(c);
        i++;
        if (c == '\u0085' || c == '\u2028' || c == '\u2029') {
          i = skipIndent(s, i); // line terminators too, for "(?m)^"
        }
      }
    }
    return out.toString();
  }

  private static int skipIndent(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
