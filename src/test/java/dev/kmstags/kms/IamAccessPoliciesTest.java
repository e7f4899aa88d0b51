package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kmstags.domain.access.AccessCheck;
import dev.kmstags.domain.access.AccessReport;
import dev.kmstags.domain.access.IamAccount;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the account's identity policies with the real SDK IAM client over HTTP. */
class IamAccessPoliciesTest {

    private static final String PAYMENTS_KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234";

    @TempDir
    Path folder;

    private LocalKmsBackend backend;
    private KmsSession session;

    @BeforeEach
    void start() throws Exception {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0).withSeed(false));
        session = KmsSession.open(KmsConnection.bundledBackend(backend.endpoint(), "eu-west-1", "test", "test"));
    }

    @AfterEach
    void stop() {
        session.close();
        backend.close();
    }

    @Test
    void theBundledBackendsDemoIdentitiesAreReadWithTheirInlineAndManagedPolicies() {
        AccessPolicies.Reading reading = session.accessPolicies().read();

        assertThat(reading).isInstanceOf(AccessPolicies.Read.class);
        IamAccount account = ((AccessPolicies.Read) reading).account();
        assertThat(account.holders()).extracting(h -> h.principal().label()).containsExactly("user/alice",
                "user/key-admin", "group/security-auditors", "role/payments-app", "role/data-pipeline",
                "role/ci-builder");
        assertThat(account.holders().get(3).policies()).extracting(p -> p.name()).containsExactly("PaymentsKeyAccess");
        assertThat(account.holders().get(4).policies()).extracting(p -> p.name()).containsExactly("DataKeyAccess");
        assertThat(account.unreadable()).isEmpty();

        AccessReport report = new AccessCheck(account).check(PAYMENTS_KEY, Map.of("Team", "payments"),
                Map.of("Team", "data"));
        assertThat(report.changes()).anySatisfy(change -> {
            assertThat(change.principal().label()).isEqualTo("role/payments-app");
            assertThat(change.action()).isEqualTo("kms:Decrypt");
            assertThat(change.removesAccess()).isTrue();
        }).anySatisfy(change -> {
            assertThat(change.principal().label()).isEqualTo("role/data-pipeline");
            assertThat(change.grantsAccess()).isTrue();
        }).anySatisfy(change -> {
            assertThat(change.principal().label()).isEqualTo("user/alice");
            assertThat(change.isUnknown()).isTrue();
        });
    }

    @Test
    void theReadingIsKeptUntilRefreshed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer iam = answering(200, """
                <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <GetAccountAuthorizationDetailsResult><IsTruncated>false</IsTruncated>
                  </GetAccountAuthorizationDetailsResult>
                  <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
                </GetAccountAuthorizationDetailsResponse>""", calls);
        try (KmsSession other = sessionAt(iam)) {
            AccessPolicies.Reading first = other.accessPolicies().read();
            assertThat(other.accessPolicies().read()).isSameAs(first);
            assertThat(calls).hasValue(1);
            other.accessPolicies().refresh();
            other.accessPolicies().read();
            assertThat(calls).hasValue(2);
        } finally {
            iam.stop(0);
        }
    }

    @Test
    void withoutThePermissionTheReadingSaysSo() throws Exception {
        // Real IAM's answer to credentials without iam:GetAccountAuthorizationDetails.
        AccessPolicies.Unavailable unavailable = refusal("""
                <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
                  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::111122223333:user/dev\
                 is not authorized to perform: iam:GetAccountAuthorizationDetails on resource: *</Message></Error>
                  <RequestId>2</RequestId>
                </ErrorResponse>""");

        assertThat(unavailable.problem()).isEqualTo(KmsProblem.ACCESS_DENIED);
        assertThat(unavailable.detail()).startsWith("AccessDenied: User: arn:aws:iam::111122223333:user/dev");
    }

    @Test
    void aRefusalWhoseCodeTheSdkCannotReadIsStillADenial() throws Exception {
        // moto_server with authorization on answers so: its Errors wrapper is EC2's, and the SDK's IAM client reads
        // neither code nor message from it.
        AccessPolicies.Unavailable unavailable = refusal("""
                <?xml version="1.0" encoding="utf-8"?>
                <ErrorResponse><Errors><Error><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/dev\
                 is not authorized to perform: iam:GetAccountAuthorizationDetails</Message><Type>Sender</Type></Error>\
                </Errors></ErrorResponse>""");

        assertThat(unavailable.problem()).isEqualTo(KmsProblem.ACCESS_DENIED);
        assertThat(unavailable.detail()).isEqualTo("HTTP 403");
    }

    /** What reading the policies gives when IAM answers with HTTP 403 and {@code body}. */
    private static AccessPolicies.Unavailable refusal(String body) throws Exception {
        HttpServer iam = answering(403, body, new AtomicInteger());
        try (KmsSession other = sessionAt(iam)) {
            AccessPolicies.Reading reading = other.accessPolicies().read();
            assertThat(reading).isInstanceOf(AccessPolicies.Unavailable.class);
            return (AccessPolicies.Unavailable) reading;
        } finally {
            iam.stop(0);
        }
    }

    private static KmsSession sessionAt(HttpServer server) {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return KmsSession.open(KmsConnection.bundledBackend(endpoint, "us-east-1", "test", "test"));
    }

    /** Stands in for AWS's IAM, which tests cannot reach: answers every request with {@code body}. */
    private static HttpServer answering(int status, String body, AtomicInteger calls) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
