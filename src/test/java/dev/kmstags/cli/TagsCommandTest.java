package dev.kmstags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.AwsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/** The tags commands against the bundled backend, reached through a profile of a temporary AWS config. */
class TagsCommandTest {

    @TempDir
    static Path folder;

    private static LocalKmsBackend backend;
    private static Map<String, String> environment;
    private static String paymentsKeyId;

    @BeforeAll
    static void start() throws IOException {
        backend = LocalKmsBackend.start(BackendOptions.defaults(folder.resolve("demo.db")).withPort(0)
                .withSeed(false).withCredentials("AKIADEMO", "demo-secret"));
        try (KmsClients.Opened opened = KmsClients.open(KmsConnection.bundledBackend(backend.endpoint(),
                "eu-west-1", "AKIADEMO", "demo-secret"))) {
            KmsClient client = opened.client();
            paymentsKeyId = client.createKey(b -> b.description("payments").tags(
                    Tag.builder().tagKey("Team").tagValue("platform").build(),
                    Tag.builder().tagKey("Owner").tagValue("=alice, \"the\" owner").build(),
                    Tag.builder().tagKey("Note").tagValue("東京 🔑\nline two").build())).keyMetadata().keyId();
            client.createAlias(b -> b.aliasName("alias/payments").targetKeyId(paymentsKeyId));
            client.createKey(b -> b.description("orders").tags(
                    Tag.builder().tagKey("Team").tagValue("orders").build()));
        }
        Path config = Files.writeString(folder.resolve("config"), """
                [profile demo]
                region = eu-west-1
                endpoint_url = %s
                """.formatted(backend.endpoint()));
        Path credentials = Files.writeString(folder.resolve("credentials"), """
                [demo]
                aws_access_key_id = AKIADEMO
                aws_secret_access_key = demo-secret
                """);
        environment = Map.of("AWS_CONFIG_FILE", config.toString(),
                "AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    /** What a run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    private static Run tags(String... args) {
        return tags(question -> Optional.empty(), args);
    }

    /** Runs {@code tags ARGS} with {@code confirmation} standing for the terminal. */
    private static Run tags(Confirmation confirmation, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TagsCommand command = new TagsCommand(new AwsEnvironment(environment), folder,
                () -> BackendOptions.defaults(folder.resolve("bundled.db")).withPort(0), confirmation);
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path export(String name, String format) {
        Path file = folder.resolve(name);
        Run run = tags("export", "--profile", "demo", "--format", format, "-o", file.toString());
        assertThat(run.status()).as(run.err()).isZero();
        return file;
    }

    @Test
    void anUnchangedExportPlansNothingInEveryFormat() {
        for (String format : List.of("csv", "csv-long", "json")) {
            Path file = export("unchanged." + format, format);

            Run plan = tags("plan", file.toString(), "--profile", "demo");

            assertThat(plan.status()).as(format + ": " + plan.err()).isEqualTo(TagsCommand.EXIT_OK);
            assertThat(plan.out()).contains("No changes: the tags of the 2 keys");
        }
    }

    @Test
    void anEditedExportExitsTwoAndPrintsTheChange() throws IOException {
        Path file = export("edited.csv", "csv");
        Files.writeString(file, Files.readString(file).replace(",platform", ",payments"));

        Run plan = tags("plan", file.toString(), "--profile", "demo");

        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).contains(paymentsKeyId + " (alias/payments)")
                .contains("~ Team = \"platform\" -> \"payments\"")
                .contains("Plan: 1 of 2 keys change; 0 tags to add, 1 to change, 0 to remove.");
    }

    @Test
    void aBrokenFileExitsOneWithItsLine() throws IOException {
        Path unreadable = Files.writeString(folder.resolve("broken.csv"), "Key ID,Tag: Team\nx,\"open\n");
        Run run = tags("plan", unreadable.toString(), "--profile", "demo");
        assertThat(run.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(run.err()).contains("line 2").contains("Nothing is applied");

        Path badRows = Files.writeString(folder.resolve("rows.csv"),
                "Key ID,Tag key,Tag value\nffffffff-0000-0000-0000-000000000000,Team,x\n"
                        + paymentsKeyId + ",aws:cost,x\n");
        Run rows = tags("plan", badRows.toString(), "--profile", "demo");
        assertThat(rows.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(rows.err()).contains("rows.csv: line 2: no key of this connection has the key ID ffffffff")
                .contains("rows.csv: line 3: key " + paymentsKeyId);
    }

    @Test
    void theFilterChoosesTheKeysExported() {
        Run run = tags("export", "--profile", "demo", "--format", "csv-long", "--filter", "!Owner Team=ord*");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2).last().asString().endsWith(",Team,orders");
        assertThat(run.err()).contains("Exported 1 of 2 keys");
    }

    @Test
    void aBadFilterOrArgumentIsAnError() {
        assertThat(tags("export", "--profile", "demo", "--filter", "Team=\"x").err())
                .contains("quote opened at character 6");
        assertThat(tags("export", "--format", "xml").status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(tags("plan").err()).contains("needs the FILE");
        assertThat(tags("export", "--profile", "nobody").err()).contains("No profile named nobody");
    }

    @Test
    void withoutAProfileTheBundledBackendAnswers() {
        Run run = tags("export", "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"format\" : \"kms-tag-manager/tags\"");
        assertThat(run.err()).contains("us-east-1");
    }

    @Test
    void withoutAProfileTheCommandsWorkWhileTheAppHasTheSameDataFileOpen() throws IOException {
        Path data = folder.resolve("bundled.db");
        // The app, running, keeps the bundled backend open on the same data file as the command.
        try (LocalKmsBackend app = LocalKmsBackend.start(BackendOptions.defaults(data).withPort(0))) {
            Path file = folder.resolve("while-the-app-runs.csv");
            Run export = tags("export", "--format", "csv-long", "-o", file.toString());
            assertThat(export.status()).as(export.err()).isZero();
            String csv = Files.readString(file);
            assertThat(csv).contains(",Team,commerce");
            Files.writeString(file, csv.replace(",Team,commerce", ",Team,retail"));

            Run apply = tags("apply", file.toString(), "--yes");

            assertThat(apply.status()).as(apply.err()).isZero();
            try (KmsClients.Opened opened = KmsClients.open(KmsConnection.bundledBackend(app.endpoint(),
                    "us-east-1", BackendOptions.defaults(data).accessKey(),
                    BackendOptions.defaults(data).secretKey()))) {
                String ordersDb = opened.client().describeKey(b -> b.keyId("alias/orders-db")).keyMetadata().keyId();
                assertThat(opened.client().listResourceTags(b -> b.keyId(ordersDb)).tags())
                        .contains(Tag.builder().tagKey("Team").tagValue("retail").build());
            }
        }
    }

    @Test
    void eachCommandHasHelp() {
        assertThat(tags("export", "--help").out()).contains("--filter").contains("--all-regions")
                .contains("Examples:");
        assertThat(tags("plan", "--help").out()).contains("Exits 0 when there is nothing to do, 2")
                .contains("[--region R | --all-regions]").contains("  --all-regions ");
        assertThat(tags("apply", "--help").out()).contains("--yes").contains("Ctrl-C").contains("Examples:")
                .contains("[--region R | --all-regions]").contains("  --all-regions ");
        assertThat(tags("--help").out()).contains("export").contains("plan FILE").contains("apply FILE");
    }

    @Test
    void applyAsksOnTheTerminalAndOnlyYesApplies() throws IOException {
        Path file = export("asked.csv", "csv");
        Files.writeString(file, Files.readString(file).replace(",orders", ",fulfilment"));
        List<String> questions = new ArrayList<>();

        Run declined = tags(question -> {
            questions.add(question);
            return Optional.of(false);
        }, "apply", file.toString(), "--profile", "demo");
        assertThat(declined.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(declined.err()).contains("Nothing was applied.");
        assertThat(questions).singleElement().asString().contains("Apply these changes to 1 keys (profile demo,"
                + " eu-west-1)?");
        assertThat(tags("plan", file.toString(), "--profile", "demo").status()).isEqualTo(TagsCommand.EXIT_CHANGES);

        Run confirmed = tags(question -> Optional.of(true), "apply", file.toString(), "--profile", "demo");
        assertThat(confirmed.status()).as(confirmed.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(confirmed.out()).contains("Applied 1 of 1 keys.");
        assertThat(tags("plan", file.toString(), "--profile", "demo").status()).isEqualTo(TagsCommand.EXIT_OK);
        Files.writeString(file, Files.readString(file).replace(",fulfilment", ",orders"));
        assertThat(tags("apply", file.toString(), "--profile", "demo", "--yes").status()).isZero();
    }

    @Test
    void applyRefusesAFileWithRowsThatCannotBeApplied() throws IOException {
        Path file = Files.writeString(folder.resolve("partly.csv"), "Key ID,Tag key,Tag value\n"
                + "ffffffff-0000-0000-0000-000000000000,Team,x\n" + paymentsKeyId + ",Team,elsewhere\n");

        Run apply = tags("apply", file.toString(), "--profile", "demo", "--yes", "--only-add");

        assertThat(apply.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(apply.err()).contains("partly.csv: line 2: no key of this connection")
                .contains("Nothing was applied");
        assertThat(tags("export", "--profile", "demo", "--format", "csv-long").out()).contains(",Team,platform");
    }

    @Test
    void allRegionsListsTheRegionThatFailedWithItsReasonAndExportsTheOthers() {
        String tokyo;
        try (KmsClients.Opened opened = KmsClients.open(KmsConnection.bundledBackend(backend.endpoint(),
                "ap-northeast-1", "AKIADEMO", "demo-secret"))) {
            tokyo = opened.client().createKey(b -> b.tags(Tag.builder().tagKey("Team").tagValue("tokyo").build()))
                    .keyMetadata().keyId();
        }
        // What KMS answers in an opt-in region the account has not enabled; here for one region, the first asked.
        backend.faults().fail("ListKeys", 1, "UnrecognizedClientException",
                "The security token included in the request is invalid.");

        Run run = tags("export", "--profile", "demo", "--all-regions", "--format", "csv-long");

        assertThat(run.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        List<String> failures = run.err().lines().filter(line -> line.startsWith("Region ")).toList();
        assertThat(failures).singleElement().asString().contains("not read: KMS rejected the credentials")
                .contains("UnrecognizedClientException").contains("opt-in region");
        String failed = failures.get(0).split(" ")[1];
        if (!failed.equals("eu-west-1")) {
            assertThat(run.out()).contains(",eu-west-1," + paymentsKeyId + ",");
        }
        if (!failed.equals("ap-northeast-1")) {
            assertThat(run.out()).contains(",ap-northeast-1," + tokyo + ",");
        }
        assertThat(run.err()).containsPattern("Exported \\d+ of \\d+ keys \\(\\d+, (\\d+) of \\d+ regions\\)");
        assertThat(tags("export", "--profile", "demo", "--region", "x", "--all-regions").err())
                .contains("exclude each other");
    }

    @Test
    void runsAsAProcessWithoutJavaFx() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("javafx") && !entry.contains("openjfx"))
                .collect(Collectors.joining(File.pathSeparator));
        Path file = folder.resolve("child.csv");

        assertThat(child(classPath, "tags", "export", "--profile", "demo", "-o", file.toString())).isZero();
        assertThat(child(classPath, "tags", "plan", file.toString(), "--profile", "demo")).isZero();
        Files.writeString(file, Files.readString(file).replace(",orders", ",shipping"));
        assertThat(child(classPath, "tags", "plan", file.toString(), "--profile", "demo"))
                .isEqualTo(TagsCommand.EXIT_CHANGES);
    }

    private static int child(String classPath, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath, "dev.kmstags.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("child.log").toFile());
        // The profile is found in $HOME/.aws, as the AWS CLI finds it, though Java's user.home is elsewhere.
        Path aws = Files.createDirectories(folder.resolve("home").resolve(".aws"));
        Files.copy(Path.of(environment.get("AWS_CONFIG_FILE")), aws.resolve("config"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(environment.get("AWS_SHARED_CREDENTIALS_FILE")), aws.resolve("credentials"),
                StandardCopyOption.REPLACE_EXISTING);
        builder.environment().remove("AWS_CONFIG_FILE");
        builder.environment().remove("AWS_SHARED_CREDENTIALS_FILE");
        builder.environment().put("HOME", aws.getParent().toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(folder.resolve("child.log"));
        assertThat(log).doesNotContain("javafx").doesNotContain("Exception");
        return process.exitValue();
    }
}
