package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account's effective tag policy, asked of the bundled backend over HTTP with the SDK's SigV4 signer and HTTP
 * client, as the app asks Organizations.
 */
class EffectiveTagPolicyTest {

    @TempDir
    Path folder;

    private EffectiveTagPolicy askedOf(BackendOptions options, String secretKey) throws IOException {
        try (LocalKmsBackend backend = LocalKmsBackend.start(options.withPort(0));
             KmsSession session = KmsSession.open(KmsConnection.bundledBackend(backend.endpoint(), "eu-west-1",
                     "test", secretKey))) {
            return session.effectiveTagPolicy();
        }
    }

    private BackendOptions options() {
        return BackendOptions.defaults(folder.resolve("kms.db"));
    }

    @Test
    void theDemoAccountAnswersWithItsTagPolicy() throws IOException {
        EffectiveTagPolicy answer = askedOf(options(), "test");

        assertThat(answer).isInstanceOf(EffectiveTagPolicy.Found.class);
        TagPolicy policy = TagPolicy.parse(((EffectiveTagPolicy.Found) answer).text());
        assertThat(policy.governing("costcenter")).hasValueSatisfying(tag -> {
            assertThat(tag.tagKey()).isEqualTo("CostCenter");
            assertThat(tag.enforcedForKmsKeys()).isTrue();
        });
    }

    @Test
    void aPolicyFileGivenToServeIsWhatItAnswers() throws IOException {
        String text = "{\"tags\":{\"team\":{\"tag_key\":{\"@@assign\":\"Team\"}}}}";
        Path file = Files.writeString(folder.resolve("policy.json"), text);

        EffectiveTagPolicy answer = askedOf(options().withSeed(false).withTagPolicy(file), "test");

        assertThat(answer).isEqualTo(new EffectiveTagPolicy.Found(text));
    }

    @Test
    void anAccountWithoutPolicyAnswersAsOrganizationsDoesAndTheAppHearsNone() throws IOException {
        assertThat(askedOf(options().withSeed(false), "test")).isEqualTo(new EffectiveTagPolicy.None());
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefusedAndReportedAsAFailure() throws IOException {
        EffectiveTagPolicy answer = askedOf(options(), "wrong");

        assertThat(answer).isInstanceOf(EffectiveTagPolicy.Failed.class);
        assertThat(((EffectiveTagPolicy.Failed) answer).detail()).startsWith("InvalidSignatureException");
    }

    @Test
    void aServerWithoutOrganizationsThatAnswersAnHtmlPageIsAFailureByItsStatus() throws IOException {
        // moto_server answers an action it does not implement with Werkzeug's HTML page and status 500.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!doctype html>\n<title>500 Internal Server Error</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(500, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (KmsSession session = KmsSession.open(KmsConnection.bundledBackend(endpoint, "eu-west-1", "test",
                "test"))) {
            assertThat(session.effectiveTagPolicy()).isEqualTo(new EffectiveTagPolicy.Failed("HTTP 500"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aPolicyFileThatIsNoTagPolicyKeepsTheBackendFromStarting() throws IOException {
        Path file = Files.writeString(folder.resolve("policy.json"), "{\"tags\": [1]}");

        assertThatThrownBy(() -> LocalKmsBackend.start(options().withPort(0).withTagPolicy(file)).close())
                .isInstanceOf(IOException.class)
                .hasMessage("The tag policy " + file + " cannot be read: \"tags\" in a tag policy must be an object"
                        + " of policy keys.");
    }
}
