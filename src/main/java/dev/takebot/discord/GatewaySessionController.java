package dev.takebot.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.jetbrains.annotations.NotNull;

/**
 * JDA's session controller with a configurable gateway URL (a proxy, or the local sandbox). Its
 * shards identify one at a time, 5 s apart, which suits any {@code max_concurrency}; JDA's {@code
 * ConcurrentSessionController} would start buckets at once but keeps a non-daemon worker alive for
 * 5 s after the last IDENTIFY, holding up the exit of a short-lived bot ({@code takebot demo}).
 * {@link SharedSessionController} paces across processes instead.
 */
class GatewaySessionController extends SessionControllerAdapter {
  private final String gatewayUrl;

  GatewaySessionController(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  @NotNull
  @Override
  public String getGateway() {
    return gatewayUrl;
  }

  /**
   * Discord's shard count and concurrency, but the configured URL: the ShardManager connects to the
   * URL this returns, which must stay the proxy or sandbox the bot was pointed at.
   */
  @NotNull
  @Override
  public ShardedGateway getShardedGateway(@NotNull JDA api) {
    ShardedGateway discord = super.getShardedGateway(api);
    return new ShardedGateway(gatewayUrl, discord.getShardTotal(), discord.getConcurrency());
  }
}
