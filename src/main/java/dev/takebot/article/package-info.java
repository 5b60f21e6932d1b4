/**
 * The article pipeline: parse what a moderator pastes ({@link dev.takebot.article.ArticleParser}),
 * summarise it, pick hashtags, clean its links and build the post ({@link
 * dev.takebot.article.PostBuilder}).
 *
 * <p>Stages are small package-private classes, each tested on its own: {@code TextNormalizer} →
 * {@code ArticleParser} → {@code SentenceSplitter} → {@code Summarizer} / {@code Hashtagger} /
 * {@code LinkCleaner} → {@code PostBuilder}. Nothing here knows JDA; the post is expressed as
 * {@link dev.takebot.message.MessageSpec}s.
 */
package dev.takebot.article;
