package dev.takebot.article;

import dev.takebot.message.DiscordLimits;
import dev.takebot.message.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a moderator changes in a post before it goes out: its title, its summary and its hashtags.
 * {@link #parse} checks what was typed and says in one line what to fix; {@link PostBuilder#edit}
 * renders the post again with it.
 *
 * @param title the title, one line
 * @param summary the summary, one paragraph (line breaks become spaces, as in the built post)
 * @param hashtags the hashtags without '#', in the order given, no two alike
 */
public record PostEdit(String title, String summary, List<String> hashtags) {
  /** Discord's limit for an embed title, minus what escaping may add. */
  public static final int MAX_TITLE = 200;

  /**
   * Room for the summary in the embed description, next to the hashtags and the call to action,
   * well within Discord's 4,096 and the 6,000 of an embed.
   */
  public static final int MAX_SUMMARY = DiscordLimits.DESCRIPTION_BUDGET - 500;

  /** As many as {@code articles.hashtagLimit} may ask for. */
  public static final int MAX_HASHTAGS = Hashtagger.MAX_LIMIT;

  /** As long as the hashtags the bot itself chooses. */
  public static final int MAX_HASHTAG_LENGTH = Hashtagger.MAX_TAG_LENGTH;

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

  public PostEdit {
    hashtags = List.copyOf(hashtags);
  }

  /**
   * The edit as typed into the form, checked.
   *
   * @param hashtags separated by spaces or commas, each with or without its '#'; blank for none
   * @throws ArticleFormatException with a one-line message naming the field to fix
   */
  public static PostEdit parse(String title, String summary, String hashtags) {
    String t = SafeText.oneLine(SafeText.stripControl(nullToEmpty(title)));
    if (SafeText.looksEmpty(t)) {
      throw ArticleFormatException.of(0, "articleError.edit.titleEmpty");
    }
    if (t.length() > MAX_TITLE) {
      throw ArticleFormatException.of(
          0, "articleError.edit.titleLong", "length", t.length(), "max", MAX_TITLE);
    }
    String s = SafeText.oneLine(SafeText.stripControl(nullToEmpty(summary)));
    if (SafeText.looksEmpty(s)) {
      throw ArticleFormatException.of(0, "articleError.edit.summaryEmpty");
    }
    if (s.length() > MAX_SUMMARY) {
      throw ArticleFormatException.of(
          0, "articleError.edit.summaryLong", "length", s.length(), "max", MAX_SUMMARY);
    }
    return new PostEdit(t, s, hashtags(nullToEmpty(hashtags)));
  }

  private static List<String> hashtags(String typed) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String word : SEPARATORS.split(SafeText.stripControl(typed).strip())) {
      if (word.isEmpty()) {
        continue;
      }
      String tag = word.startsWith("#") ? word.substring(1) : word;
      if (!TAG.matcher(tag).matches()) {
        throw ArticleFormatException.of(0, "articleError.edit.notHashtag", "word", shown(word));
      }
      if (tag.length() > MAX_HASHTAG_LENGTH) {
        throw ArticleFormatException.of(
            0, "articleError.edit.hashtagLong", "tag", shown("#" + tag), "max", MAX_HASHTAG_LENGTH);
      }
      tags.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
    }
    if (tags.size() > MAX_HASHTAGS) {
      throw ArticleFormatException.of(
          0, "articleError.edit.tooManyHashtags", "count", tags.size(), "max", MAX_HASHTAGS);
    }
    return new ArrayList<>(tags.values());
  }

  /** The post's hashtags as the form shows them, e.g. {@code "#Sahel #BurkinaFaso"}. */
  public static String hashtagLine(List<String> hashtags) {
    return String.join(" ", hashtags.stream().map(h -> "#" + h).toList());
  }

  /** Typed text quoted as inline code, where markdown is literal: it cannot ping or format. */
  private static String shown(String typed) {
    String t = SafeText.truncate(SafeText.oneLine(SafeText.stripControl(typed)), 50);
    return "`" + SafeText.defuseMentions(t).replace('`', '\'') + "`";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
