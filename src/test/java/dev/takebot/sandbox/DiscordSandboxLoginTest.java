package dev.takebot.sandbox;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A real JDA client logs into the sandbox")
class DiscordSandboxLoginTest {

    @Test
    @DisplayName("login fires ReadyEvent with the guild, its channels and roles")
    void login() throws Exception {
        try (DiscordSandbox sandbox = DiscordSandbox.start();
             JdaClient client = JdaClient.connect(sandbox, true)) {
            client.await(ReadyEvent.class, e -> true, Duration.ofSeconds(5));
            Guild guild = client.jda.getGuildById(sandbox.guildId());
            assertThat(guild).isNotNull();
            assertThat(guild.getTextChannels()).extracting(c -> c.getName()).containsExactly("news", "general", "read-only");
            assertThat(guild.getPublicRole().getId()).isEqualTo(sandbox.guildId());
            assertThat(guild.getRoles()).extracting(r -> r.getName()).contains("Moderator", "TakeBot");
            assertThat(guild.getSelfMember().getId()).isEqualTo(sandbox.bot().id());
            assertThat(client.jda.getSelfUser().getApplicationId()).isEqualTo(sandbox.applicationId());
        }
    }
}
