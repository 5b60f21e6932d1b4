package dev.takebot.sandbox;

/**
 * Discord permission bits the sandbox understands, as used in role {@code permissions} and channel overwrites.
 * Values are Discord's (see "Permissions" in the Discord API reference).
 */
public final class Permissions {
    public static final long CREATE_INSTANT_INVITE = 1L << 0;
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_CHANNELS = 1L << 4;
    public static final long MANAGE_GUILD = 1L << 5;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    public static final long CONNECT = 1L << 20;
    public static final long SPEAK = 1L << 21;
    public static final long CHANGE_NICKNAME = 1L << 26;
    public static final long MANAGE_ROLES = 1L << 28;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;
    public static final long MANAGE_THREADS = 1L << 34;
    public static final long CREATE_PUBLIC_THREADS = 1L << 35;
    public static final long CREATE_PRIVATE_THREADS = 1L << 36;
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

    /** Every bit, what an administrator gets. */
    public static final long ALL = (1L << 51) - 1;

    /** What a fresh guild's {@code @everyone} role allows, roughly Discord's default. */
    public static final long EVERYONE_DEFAULT = CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES
            | EMBED_LINKS | ATTACH_FILES | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | CONNECT | SPEAK
            | CHANGE_NICKNAME | USE_APPLICATION_COMMANDS | CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS;

    /** The permissions TakeBot's invite asks for; the bot's managed role gets exactly these. */
    public static final long BOT_DEFAULT = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
            | READ_MESSAGE_HISTORY | CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS;

    private Permissions() {
    }

    /** True when {@code granted} contains every bit of {@code required}. */
    public static boolean has(long granted, long required) {
        return (granted & required) == required;
    }
}
