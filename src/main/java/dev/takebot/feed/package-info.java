/**
 * Feeds a server follows: RSS 2.0, Atom 1.0 and YouTube channel feeds read with ROME ({@link
 * dev.takebot.feed.FeedReader}), each new item made an {@link dev.takebot.article.ArticleDraft} for
 * the usual article pipeline; what a server follows and what it has seen ({@link
 * dev.takebot.feed.FeedStore}, implemented in {@code store}); {@code /feed} commands' rules ({@link
 * dev.takebot.feed.FeedService}); polling that a site's owner would accept ({@link
 * dev.takebot.feed.FeedPoller}); and {@link dev.takebot.feed.Links}, which turns any link, page or
 * feed, into a draft. Nothing here knows Discord: posting is a callback.
 */
package dev.takebot.feed;
