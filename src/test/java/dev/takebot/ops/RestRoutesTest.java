package dev.takebot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REST routes as metric labels")
class RestRoutesTest {
  @Test
  @DisplayName("ids become {id} and queries are dropped")
  void ids() {
    assertThat(RestRoutes.route("post", "channels/1234567890/messages?wait=true"))
        .isEqualTo("POST channels/{id}/messages");
    assertThat(RestRoutes.route("PUT", "applications/42/guilds/43/commands"))
        .isEqualTo("PUT applications/{id}/guilds/{id}/commands");
  }

  @Test
  @DisplayName("interaction and webhook tokens never reach a label")
  void tokens() {
    assertThat(
            RestRoutes.route(
                "POST", "interactions/1300000000000000000/aW50ZXJhY3Rpb246c2VjcmV0/callback"))
        .isEqualTo("POST interactions/{id}/{token}/callback");
    assertThat(RestRoutes.route("PATCH", "webhooks/77/lowercasetokenonly/messages/@original"))
        .isEqualTo("PATCH webhooks/{id}/{token}/messages/@original");
  }

  @Test
  @DisplayName("emoji and other free text become placeholders")
  void freeText() {
    assertThat(RestRoutes.route("PUT", "channels/1/messages/2/reactions/%F0%9F%91%8D/@me"))
        .isEqualTo("PUT channels/{id}/messages/{id}/reactions/{emoji}/@me");
    assertThat(RestRoutes.route("GET", "guilds/1/Something_Odd"))
        .isEqualTo("GET guilds/{id}/{param}");
  }
}
