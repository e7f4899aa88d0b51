package dev.kmstags.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assume-role profiles through the SDK's own STS credentials provider. Real STS cannot be reached from a test,
 * so a stand-in on 127.0.0.1 answers AssumeRole as STS does (the SDK's aws.endpointUrlSts setting points the
 * provider's STS client at it); the KMS calls go to a bundled backend that accepts the credentials it hands out.
 */
class AssumeRoleProfileTest {

    @TempDir
    static Path folder;

    private static LocalKmsBackend backend;
    private static HttpServer sts;
    private static ExecutorService stsThreads;
    private static AwsSetup setup;
    private static final List<String> roleRequests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("kms.db")).withPort(0)
                .withCredentials("ASIAROLE", "role-secret"));
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> {
            String body = URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            roleRequests.add(body);
            boolean denied = body.contains("role/Denied");
            byte[] answer = (denied ? DENIED : ASSUMED).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(denied ? 403 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        stsThreads = Executors.newCachedThreadPool();
        sts.setExecutor(stsThreads);
        sts.start();
        System.setProperty("aws.endpointUrlSts", "http://127.0.0.1:" + sts.getAddress().getPort());
        Path config = Files.writeString(folder.resolve("config"), """
                # The stand-in STS is used for regional STS clients; without a region the provider's client
                # would ask the global endpoint, which the setting does not redirect.
                [profile base]
                region = us-east-1

                [profile admin]
                role_arn = arn:aws:iam::111122223333:role/Admin
                source_profile = base
                region = us-east-1
                endpoint_url = %1$s

                [profile denied]
                role_arn = arn:aws:iam::111122223333:role/Denied
                source_profile = base
                region = us-east-1
                endpoint_url = %1$s
                """.formatted(backend.endpoint()));
        Path credentials = Files.writeString(folder.resolve("credentials"), """
                [base]
                aws_access_key_id = AKIABASE
                aws_secret_access_key = base-secret
                """);
        setup = AwsSetup.read(new AwsEnvironment(Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString())), folder);
    }

    @AfterAll
    static void stop() {
        System.clearProperty("aws.endpointUrlSts");
        sts.stop(0);
        stsThreads.shutdownNow();
        backend.close();
    }

    private static KmsSession open(String profile) {
        return KmsSession.open(KmsConnection.profile(profile, setup.files(),
                setup.kmsEndpoint(ConnectionTarget.profile(profile)), "us-east-1"));
    }

    @Test
    void theAssumedRolesCredentialsSignTheKmsCalls() {
        List<KeySummary> keys = new ArrayList<>();
        try (KmsSession session = open("admin")) {
            session.keyCatalog().listKeys(keys::addAll);
        }

        assertThat(keys).hasSize(12);
        assertThat(roleRequests).anyMatch(request -> request.contains("Action=AssumeRole")
                && request.contains("RoleArn=arn:aws:iam::111122223333:role/Admin"));
    }

    @Test
    void aRefusedAssumeRoleSaysWhichProfilesRoleToCheck() {
        try (KmsSession session = open("denied")) {
            Throwable thrown = catchThrowable(() -> session.keyCatalog().listKeys(batch -> { }));

            assertThat(thrown).isInstanceOfSatisfying(KmsAccessException.class, e -> {
                assertThat(e.problem()).isEqualTo(KmsProblem.ASSUME_ROLE_DENIED);
                assertThat(e.getMessage()).startsWith("The role of profile denied could not be assumed "
                        + "(AccessDenied: User: arn:aws:iam::111122223333:user/base is not authorized");
            });
        }
    }

    private static final String ASSUMED = """
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>ASIAROLE</AccessKeyId>
                  <SecretAccessKey>role-secret</SecretAccessKey>
                  <SessionToken>role-session-token</SessionToken>
                  <Expiration>2099-01-01T00:00:00Z</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <AssumedRoleId>AROAEXAMPLE:session</AssumedRoleId>
                  <Arn>arn:aws:sts::111122223333:assumed-role/Admin/session</Arn>
                </AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """;

    private static final String DENIED = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>AccessDenied</Code>
                <Message>User: arn:aws:iam::111122223333:user/base is not authorized to perform: sts:AssumeRole \
            on resource: arn:aws:iam::111122223333:role/Denied</Message>
              </Error>
              <RequestId>2</RequestId>
            </ErrorResponse>
            """;
}
