package dev.takebot.discord;

import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.jetbrains.annotations.NotNull;

/** JDA's session controller with a configurable gateway URL (a proxy, or the local sandbox). */
final class GatewaySessionController extends SessionControllerAdapter {
  private final String gatewayUrl;

  GatewaySessionController(String gatewayUrl) {
    this.gatewayUrl = gatewayUrl;
  }

  @NotNull
  @Override
  public String getGateway() {
    return gatewayUrl;
  }
}
