/**
 * Reading articles out of HTML with jsoup: {@link dev.takebot.web.PageReader} takes a news page
 * apart (title and date from OpenGraph, JSON-LD {@code NewsArticle} or {@code <title>}; the main
 * text by a readability-style choice of the densest block of paragraphs; the video from {@code
 * og:video} or an embedded YouTube/Vimeo player), and {@link dev.takebot.web.HtmlText} reduces an
 * HTML fragment (a feed item's content) to paragraphs. Both give an {@link
 * dev.takebot.article.ArticleDraft}'s parts; nothing here fetches or knows Discord.
 */
package dev.takebot.web;
