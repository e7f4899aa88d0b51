package dev.kmstags.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kmstags.inventory.ImportedRow;
import dev.kmstags.inventory.InventoryReader;
import dev.kmstags.kms.KmsClients;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.local.ServeProcess;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * {@code tags export|plan|apply} as processes, as a script or CI runs them, against {@code serve} in a process of
 * its own, with the AWS SDK as the other client that changes tags meanwhile.
 */
class TagsCommandProcessTest {

    private static final String TEAM_EDITED = "pay, \"core\"\nteam 東京 🔑";

    @TempDir
    static Path folder;

    private static ServeProcess serve;
    private static TagsProcess tags;

    @BeforeAll
    static void start() throws IOException {
        serve = ServeProcess.start("--port", "0", "--no-seed", "--data", folder.resolve("serve.db").toString());
        tags = TagsProcess.against(folder, serve.endpoint(), "eu-west-1");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        serve.close();
    }

    private static KmsClients.Opened sdk(String region) {
        return KmsClients.open(KmsConnection.bundledBackend(serve.endpoint(), region, "test", "test"));
    }

    private static String createKey(String region, Map<String, String> tags) {
        try (KmsClients.Opened opened = sdk(region)) {
            return opened.client().createKey(b -> b.tags(tags.entrySet().stream().map(tag -> Tag.builder()
                    .tagKey(tag.getKey()).tagValue(tag.getValue()).build()).toList())).keyMetadata().keyId();
        }
    }

    private static Map<String, String> tagsOf(String region, String keyId) {
        try (KmsClients.Opened opened = sdk(region)) {
            Map<String, String> tags = new LinkedHashMap<>();
            opened.client().listResourceTags(b -> b.keyId(keyId)).tags()
                    .forEach(tag -> tags.put(tag.tagKey(), tag.tagValue()));
            return tags;
        }
    }

    private static void tag(String region, String keyId, String key, String value) {
        try (KmsClients.Opened opened = sdk(region)) {
            KmsClient client = opened.client();
            client.tagResource(b -> b.keyId(keyId).tags(Tag.builder().tagKey(key).tagValue(value).build()));
        }
    }

    /** The key IDs of an export's rows, in file order. */
    private static List<String> keyIdsOf(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new InventoryReader().read(reader).rows().stream().map(ImportedRow::keyId).toList();
        }
    }

    private static Path export(String name, String... options) throws Exception {
        Path file = folder.resolve(name);
        List<String> args = new ArrayList<>(List.of("export", "--profile", "demo", "-o", file.toString()));
        args.addAll(List.of(options));
        TagsProcess.Ended export = tags.run(args.toArray(String[]::new));
        assertThat(export.status()).as(export.err()).isZero();
        return file;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void anExportEditedInASpreadsheetPlansAppliesAndThenPlansNothing() throws Exception {
        String payments = createKey("eu-west-1", Map.of("Team", "platform", "Owner", "=alice, \"the\" owner",
                "Note", "東京 🔑\nline two"));
        String orders = createKey("eu-west-1", Map.of("Team", "orders", "Owner", "+bob"));
        Path file = export("edited.csv", "--region", "eu-west-1");

        TagsProcess.Ended unchanged = tags.run("plan", file.toString(), "--profile", "demo");
        assertThat(unchanged.status()).as(unchanged.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(unchanged.out()).contains("No changes");

        // As a spreadsheet saves it: a value with a comma, quotes and a line break in quotes, a guarded formula.
        edit(file, ",platform", ",\"pay, \"\"core\"\"\nteam 東京 🔑\"");
        edit(file, "\"'=alice, \"\"the\"\" owner\"", "'=SUM(A1)");
        edit(file, ",orders", ",注文 📦");
        TagsProcess.Ended plan = tags.run("plan", file.toString(), "--profile", "demo");
        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).contains("~ Team = \"platform\" -> \"pay, \\\"core\\\"\\nteam 東京 🔑\"")
                .contains("~ Owner = \"=alice, \\\"the\\\" owner\" -> \"=SUM(A1)\"")
                .contains("Plan: 2 of 2 keys change");

        TagsProcess.Ended apply = tags.run("apply", file.toString(), "--profile", "demo", "--yes");
        assertThat(apply.status()).as(apply.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(apply.out()).contains("Applied 2 of 2 keys.");
        assertThat(apply.err()).contains("Applying: 2 of 2 keys done");
        assertThat(tagsOf("eu-west-1", payments)).containsEntry("Team", TEAM_EDITED)
                .containsEntry("Owner", "=SUM(A1)").containsEntry("Note", "東京 🔑\nline two").hasSize(3);
        assertThat(tagsOf("eu-west-1", orders)).containsEntry("Team", "注文 📦").containsEntry("Owner", "+bob");

        TagsProcess.Ended again = tags.run("plan", file.toString(), "--profile", "demo");
        assertThat(again.status()).as(again.err()).isEqualTo(TagsCommand.EXIT_OK);
    }

    @Test
    void withoutATerminalApplyRefusesAndWritesNothing() throws Exception {
        String keyId = createKey("eu-central-1", Map.of("Stage", "old"));
        Path file = export("refused.csv", "--region", "eu-central-1");
        edit(file, ",old", ",new");

        TagsProcess.Ended apply = tags.run("apply", file.toString(), "--profile", "demo");

        assertThat(apply.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(apply.out()).contains("~ Stage = \"old\" -> \"new\"");
        assertThat(apply.err()).contains("no terminal to ask on").contains("Pass --yes");
        assertThat(tagsOf("eu-central-1", keyId)).containsEntry("Stage", "old");
    }

    @Test
    void aKeyChangedByAnotherClientDuringTheCommitIsAConflictAndKeepsTheirValue() throws Exception {
        for (int i = 0; i < 16; i++) {
            createKey("us-west-2", Map.of("Stage", "old", "Index", String.valueOf(i)));
        }
        Path file = export("conflict.csv", "--region", "us-west-2");
        List<String> order = keyIdsOf(file);
        String last = order.get(order.size() - 1);
        Files.writeString(file, Files.readString(file).replace(",old", ",new"));

        // Two TagResource a second: the last key is read again about 6 s after the first is written.
        TagsProcess.Running apply = tags.start("apply", file.toString(), "--profile", "demo", "--yes",
                "--tag-rate", "2");
        awaitProgress(apply);
        tag("us-west-2", last, "Stage", "theirs");
        TagsProcess.Ended ended = apply.await();

        assertThat(ended.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(ended.err()).contains("Conflict, not written: " + last + ": Stage is now \"theirs\" (it was"
                + " \"old\", the file sets \"new\")").contains("Run tags plan on the file");
        assertThat(ended.out()).contains("Applied 15 of 16 keys; 1 in conflict.");
        assertThat(tagsOf("us-west-2", last)).containsEntry("Stage", "theirs");
        order.subList(0, 15).forEach(keyId -> assertThat(tagsOf("us-west-2", keyId)).containsEntry("Stage", "new"));
    }

    @Test
    void ctrlCStopsStartingKeysAndReportsWhichWereWritten() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/kill")) || Files.isExecutable(Path.of("/usr/bin/kill")),
                "kill sends SIGINT");
        for (int i = 0; i < 12; i++) {
            createKey("ca-central-1", Map.of("Stage", "old", "Index", String.valueOf(i)));
        }
        Path file = export("interrupted.csv", "--region", "ca-central-1");
        List<String> order = keyIdsOf(file);
        Files.writeString(file, Files.readString(file).replace(",old", ",new"));
        TagsProcess.Running apply = tags.start("apply", file.toString(), "--profile", "demo", "--yes",
                "--tag-rate", "2");
        awaitProgress(apply);

        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(apply.process().pid())).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        TagsProcess.Ended ended = apply.await();

        assertThat(ended.status()).as(ended.err()).isEqualTo(130);
        assertThat(ended.err()).contains("Stopped by a signal; not started, nothing written: ");
        List<String> written = order.stream().filter(keyId -> tagsOf("ca-central-1", keyId).get("Stage")
                .equals("new")).toList();
        assertThat(written).isNotEmpty().hasSizeLessThan(order.size());
        assertThat(ended.out()).contains("Applied " + written.size() + " of 12 keys; " + (12 - written.size())
                + " not started.");
        String notStarted = ended.err().lines().filter(line -> line.startsWith("Stopped by a signal")).findFirst()
                .orElseThrow();
        order.stream().filter(keyId -> !written.contains(keyId))
                .forEach(keyId -> assertThat(notStarted).contains(keyId));
        written.forEach(keyId -> assertThat(notStarted).doesNotContain(keyId));
    }

    @Test
    void allRegionsExportsEveryRegionAndAFileOfSeveralRegionsAppliesInEach() throws Exception {
        String sydney = createKey("ap-southeast-2", Map.of("Zone", "syd-old"));
        String saoPaulo = createKey("sa-east-1", Map.of("Zone", "gru-old"));
        String tokyo = createKey("ap-northeast-1", Map.of("Zone", "nrt-old"));

        Path file = export("all.csv", "--all-regions", "--filter", "Zone=*-old");
        TagsProcess.Ended listed = tags.run("export", "--profile", "demo", "--all-regions", "--format", "csv-long",
                "--filter", "Zone=");
        assertThat(listed.status()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(",ap-southeast-2," + sydney + ",").contains(",sa-east-1," + saoPaulo + ",")
                .contains(",ap-northeast-1," + tokyo + ",");
        assertThat(listed.err()).containsPattern("Exported 3 of \\d+ keys \\(\\d*, (\\d+) of \\1 regions\\)");

        edit(file, ",syd-old", ",syd-new");
        edit(file, ",gru-old", ",gru-new");
        TagsProcess.Ended plan = tags.run("plan", file.toString(), "--profile", "demo");
        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).contains(sydney + " in ap-southeast-2").contains(saoPaulo + " in sa-east-1")
                .contains("Plan: 2 of 3 keys change");

        TagsProcess.Ended apply = tags.run("apply", file.toString(), "--profile", "demo", "--yes");
        assertThat(apply.status()).as(apply.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(tagsOf("ap-southeast-2", sydney)).containsEntry("Zone", "syd-new");
        assertThat(tagsOf("sa-east-1", saoPaulo)).containsEntry("Zone", "gru-new");
        assertThat(tagsOf("ap-northeast-1", tokyo)).containsEntry("Zone", "nrt-old");
    }

    @Test
    void withAllRegionsARowWithoutRegionOrArnIsPlannedInTheRegionThatHasItsKeyAndAnAmbiguousAliasIsListed()
            throws Exception {
        String home = createKey("eu-west-1", Map.of("Zone", "dub-old"));
        String away = createKey("ap-southeast-2", Map.of("Zone", "syd-old"));
        String alias = "alias/shared-" + away.substring(0, 8);
        try (KmsClients.Opened eu = sdk("eu-west-1"); KmsClients.Opened sydney = sdk("ap-southeast-2")) {
            eu.client().createAlias(b -> b.aliasName(alias).targetKeyId(home));
            sydney.client().createAlias(b -> b.aliasName(alias).targetKeyId(away));
        }
        Path file = folder.resolve("no-region.csv");
        Files.writeString(file, "Key ID,Tag: Zone\n" + away + ",syd-new\n" + home + ",dub-new\n");

        TagsProcess.Ended plan = tags.run("plan", file.toString(), "--profile", "demo", "--all-regions");
        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).contains(away + " (" + alias + ") in ap-southeast-2")
                .contains(home + " (" + alias + ") in eu-west-1").contains("Plan: 2 of 2 keys change");

        TagsProcess.Ended apply = tags.run("apply", file.toString(), "--profile", "demo", "--all-regions", "--yes");
        assertThat(apply.status()).as(apply.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(tagsOf("ap-southeast-2", away)).containsEntry("Zone", "syd-new");
        assertThat(tagsOf("eu-west-1", home)).containsEntry("Zone", "dub-new");

        Path ambiguous = folder.resolve("ambiguous.csv");
        Files.writeString(ambiguous, "Aliases,Tag: Zone\n" + alias + ",both\n");
        TagsProcess.Ended refused = tags.run("plan", ambiguous.toString(), "--profile", "demo", "--all-regions");
        assertThat(refused.status()).as(refused.err()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(refused.err()).contains(ambiguous + ": line 2: keys of several regions (eu-west-1, ap-southeast-2)"
                + " have the alias " + alias + "; give the row its region or ARN");
        assertThat(tagsOf("ap-southeast-2", away)).containsEntry("Zone", "syd-new");
    }

    /** Waits until the commit has printed its first progress, a second after it began writing. */
    private static void awaitProgress(TagsProcess.Running apply) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!apply.errSoFar().contains("Applying:")) {
            assertThat(apply.process().isAlive()).as(apply.errSoFar()).isTrue();
            assertThat(System.nanoTime()).as("no progress within 90 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
