/**
 * The command line ({@code java -jar takebot.jar …}), built with picocli; {@link
 * dev.takebot.cli.Main} lists every command.
 */
package dev.takebot.cli;
