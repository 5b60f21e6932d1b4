package dev.takebot.article;

/** Small articles for tests, written as a moderator would paste them. */
final class Articles {
  private Articles() {}

  static Article seed() {
    return ArticleParser.parse(Seed.configCopy());
  }

  static Article plain(String title, String... paragraphs) {
    return ArticleParser.parse(title + "\n\n" + String.join("\n\n", paragraphs));
  }

  /** An article of about 95 KB: many paragraphs of varied sentences, all well-formed. */
  static Article huge() {
    StringBuilder s =
        new StringBuilder("Regional leaders meet in Niamey to discuss the Sahel alliance\n\n");
    String[] places = {"Niamey", "Bamako", "Ouagadougou", "Dakar", "Abuja", "Accra"};
    int i = 0;
    while (s.length() < 95_000) {
      String place = places[i % places.length];
      s.append("Delegates from ")
          .append(place)
          .append(" raised point number ")
          .append(i)
          .append(" about trade, security and the Sahel alliance. ")
          .append("Observers in ")
          .append(place)
          .append(" expect further talks next week.\n\n");
      i++;
    }
    return ArticleParser.parse(s.toString());
  }
}
