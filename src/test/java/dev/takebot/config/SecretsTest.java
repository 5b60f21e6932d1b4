package dev.takebot.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Redacting credentials from URLs")
class SecretsTest {

  @ParameterizedTest(name = "{0}")
  @DisplayName("credentials are masked, whatever the URL's shape; where it points stays readable")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      jdbc:postgresql://db:5432/takebot?user=bot&password=hunter2          | jdbc:postgresql://db:5432/takebot?user=bot&password=***
      jdbc:postgresql://db/takebot?password=hunter2&ssl=true               | jdbc:postgresql://db/takebot?password=***&ssl=true
      jdbc:postgresql://db/takebot?PASSWORD=hunter2                        | jdbc:postgresql://db/takebot?PASSWORD=***
      jdbc:postgresql://db/takebot?sslmode=verify-full&sslpassword=hunter2 | jdbc:postgresql://db/takebot?sslmode=verify-full&sslpassword=***
      jdbc:postgresql://bot:hunter2@db:5432/takebot                        | jdbc:postgresql://bot:***@db:5432/takebot
      jdbc:postgresql://bot:hun@ter2@db/takebot?ssl=true                   | jdbc:postgresql://bot:***@db/takebot?ssl=true
      jdbc:postgresql://bot@db/takebot                                     | jdbc:postgresql://bot@db/takebot
      jdbc:postgresql://h1:5432,h2:5432/takebot?targetServerType=primary   | jdbc:postgresql://h1:5432,h2:5432/takebot?targetServerType=primary
      jdbc:postgresql://db/takebot?password=                               | jdbc:postgresql://db/takebot?password=***
      jdbc:postgresql://db/takebot?password=a%26b&x=1                      | jdbc:postgresql://db/takebot?password=***&x=1
      jdbc:sqlserver://db;user=bot;password=hunter2;encrypt=true           | jdbc:sqlserver://db;user=bot;password=***;encrypt=true
      jdbc:sqlite:data/takebot.db                                          | jdbc:sqlite:data/takebot.db
      jdbc:sqlite:file:data/t.db?cipher=sqlcipher&key=hunter2              | jdbc:sqlite:file:data/t.db?cipher=sqlcipher&key=***
      https://proxy.example/api/v10/?token=hunter2                         | https://proxy.example/api/v10/?token=***
      https://proxy.example/api/v10/?access_token=hunter2#x                | https://proxy.example/api/v10/?access_token=***#x
      https://proxy.example/cb#access_token=hunter2&state=1                | https://proxy.example/cb#access_token=***&state=1
      https://user:hunter2@proxy.example:8443/api/v10/                     | https://user:***@proxy.example:8443/api/v10/
      wss://user:hunter2@gateway.example/?v=10                             | wss://user:***@gateway.example/?v=10
      https://proxy.example/api/v10/?client_secret=hunter2&apiKey=hunter2  | https://proxy.example/api/v10/?client_secret=***&apiKey=***
      https://proxy.example/users/@me                                      | https://proxy.example/users/@me
      https://proxy.example:8443/api/v10/?keyboard=1                       | https://proxy.example:8443/api/v10/?keyboard=1
      """)
  void redactsUrl(String url, String expected) {
    assertThat(Secrets.redactUrl(url))
        .isEqualTo(expected)
        .doesNotContain("hunter2")
        .doesNotContain("ter2");
  }

  @Test
  @DisplayName("a message quoting the raw URL or the password itself is scrubbed of both")
  void scrubsMessages() {
    String url = "jdbc:postgresql://db/takebot?password=hunter2";
    String message = "Unable to connect to " + url + " as bot/hunter2";

    assertThat(Secrets.scrub(message, url, "hunter2"))
        .isEqualTo("Unable to connect to jdbc:postgresql://db/takebot?password=*** as bot/***");
    assertThat(Secrets.redactUrl(null)).isNull();
    assertThat(Secrets.scrub(null, url, "x")).isNull();
  }
}
