package dev.takebot.sandbox;

/**
 * A file received in a multipart request or attached by a simulated member, with its part index.
 */
record Upload(int index, String filename, byte[] bytes) {}
