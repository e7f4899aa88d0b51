package dev.kmstags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.local.ServeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tags plan --check-access} as a script runs it, without JavaFX, against {@code serve}'s demo account through
 * a profile: IAM's XML read over HTTP, the sentences worded from their bundle.
 */
class TagsAccessProcessTest {

    @TempDir
    Path folder;

    @Test
    void planWithCheckAccessShowsPaymentsAppLosingDecryptWhenTeamChanges() throws Exception {
        try (ServeProcess serve = ServeProcess.start("--port", "0", "--data", folder.resolve("serve.db").toString())) {
            TagsProcess tags = TagsProcess.against(folder, serve.endpoint(), "us-east-1");
            Path file = Files.writeString(folder.resolve("team.csv"),
                    "Account,Region,Key ID,Alias,Tag key,Tag value\n,,,alias/payments-prod,Team,data\n",
                    StandardCharsets.UTF_8);

            TagsProcess.Ended plan = tags.run("plan", file.toString(), "--profile", "demo", "--only-add",
                    "--check-access");

            assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
            assertThat(plan.out()).contains("loss: role/payments-app: kms:Decrypt allowed before, not after (policy"
                    + " PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments)");
        }
    }
}
