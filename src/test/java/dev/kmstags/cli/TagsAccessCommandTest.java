package dev.kmstags.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.local.BackendOptions;
import dev.kmstags.profiles.AwsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tags plan} and {@code tags apply} with {@code --check-access} against the bundled backend's demo account,
 * whose IAM answers GetAccountAuthorizationDetails with roles that reach keys by their Team tag.
 */
class TagsAccessCommandTest {

    private static final String PAYMENTS_APP_LOSES_DECRYPT = "role/payments-app: kms:Decrypt allowed before, not"
            + " after (policy PaymentsKeyAccess, statement AllowByTeam: aws:ResourceTag/Team = payments)";
    private static final String SCOPE = "Only the tag conditions of identity policies (users, groups, roles) are"
            + " looked at, not service control policies, permission boundaries, grants or the key policy: a list of"
            + " warnings, not a verdict.";
    private static final String DELAY = "Authorization may take up to five minutes to follow the new tags.";

    @TempDir
    Path folder;

    /** What a run printed and returned. */
    private record Run(int status, String out, String err) {
    }

    /** Runs {@code tags ARGS} on the bundled backend's demo account, {@code confirmation} standing for the terminal. */
    private Run tags(Confirmation confirmation, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TagsCommand command = new TagsCommand(new AwsEnvironment(Map.of()), folder,
                () -> BackendOptions.defaults(folder.resolve("demo.db")).withPort(0), confirmation);
        int status = command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run tags(String... args) {
        return tags(question -> Optional.empty(), args);
    }

    /** A file that sets one tag of one demo key, named by its alias; planned with --only-add. */
    private Path setting(String alias, String tagKey, String value) throws IOException {
        return Files.writeString(folder.resolve(alias.replace('/', '-') + ".csv"),
                "Account,Region,Key ID,Alias,Tag key,Tag value\n,,," + alias + "," + tagKey + "," + value + "\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void planSaysWhoLosesAndGainsAccessWhenTheTeamOfPaymentsProdChanges() throws IOException {
        Run plan = tags("plan", setting("alias/payments-prod", "Team", "data").toString(), "--only-add",
                "--check-access");

        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).contains("Access that changes:")
                .contains("(alias/payments-prod)\n    loss: " + PAYMENTS_APP_LOSES_DECRYPT + "\n")
                .contains("gain: role/data-pipeline: kms:Decrypt allowed after, not before (policy DataKeyAccess,"
                        + " statement DataTeamKeys: aws:ResourceTag/Team = [data, analytics])")
                .contains("unknown: user/alice: kms:* allowed before: unknown, after: unknown; cannot be told for"
                        + " sure (policy KeysOfMyTeam, statement KeysOfMyTeam: aws:ResourceTag/Team ="
                        + " ${aws:PrincipalTag/Team}; policy variables are not evaluated)")
                .contains(SCOPE)
                .doesNotContain("No IAM policy");
        assertThat(plan.out().indexOf("loss: ")).isLessThan(plan.out().indexOf("gain: "));
    }

    @Test
    void planSaysSoWhenNoPolicyDecidesAccessByTheTagsChanged() throws IOException {
        Run plan = tags("plan", setting("alias/orders-db", "Backup", "weekly").toString(), "--only-add",
                "--check-access");

        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).contains("Access that changes:\n"
                + "  No IAM policy in this account decides access by the tags you change.\n").contains(SCOPE);
    }

    @Test
    void withoutCheckAccessThePlanSaysNothingOfAccess() throws IOException {
        Run plan = tags("plan", setting("alias/payments-prod", "Team", "data").toString(), "--only-add");

        assertThat(plan.status()).as(plan.err()).isEqualTo(TagsCommand.EXIT_CHANGES);
        assertThat(plan.out()).doesNotContain("Access that changes").doesNotContain("role/payments-app");
    }

    @Test
    void applyWithYesWritesNothingThatRemovesAccessUnlessAllowed() throws IOException {
        Path file = setting("alias/payments-prod", "Team", "data");

        Run refused = tags("apply", file.toString(), "--only-add", "--check-access", "--yes");

        assertThat(refused.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(refused.out()).contains("loss: " + PAYMENTS_APP_LOSES_DECRYPT);
        assertThat(refused.err()).contains("Nothing was applied: the change removes access to 1 key (see Access"
                + " that changes above), and --yes alone does not confirm that. Add --allow-access-loss to apply it.");
        assertThat(tags("plan", file.toString(), "--only-add").status()).isEqualTo(TagsCommand.EXIT_CHANGES);

        Run applied = tags("apply", file.toString(), "--only-add", "--check-access", "--yes",
                "--allow-access-loss");

        assertThat(applied.status()).as(applied.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(applied.out()).contains("Applied 1 of 1 keys.").contains(DELAY);
        assertThat(tags("plan", file.toString(), "--only-add").status()).isEqualTo(TagsCommand.EXIT_OK);
    }

    @Test
    void onTheTerminalAChangeThatRemovesAccessIsConfirmedOnceMore() throws IOException {
        Path file = setting("alias/payments-prod", "Team", "data");
        List<String> questions = new ArrayList<>();

        Run declined = tags(question -> {
            questions.add(question);
            return Optional.of(questions.size() == 1);
        }, "apply", file.toString(), "--only-add", "--check-access");

        assertThat(declined.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(questions).hasSize(2);
        assertThat(questions.get(1)).isEqualTo("This change removes access to 1 key (see Access that changes"
                + " above). Remove that access and apply? Only yes applies it: ");
        assertThat(declined.err()).contains("Nothing was applied.");
        assertThat(tags("plan", file.toString(), "--only-add").status()).isEqualTo(TagsCommand.EXIT_CHANGES);

        Run confirmed = tags(question -> Optional.of(true), "apply", file.toString(), "--only-add",
                "--check-access");

        assertThat(confirmed.status()).as(confirmed.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(confirmed.out()).contains(DELAY);
    }

    @Test
    void aChangeThatOnlyGrantsAccessNeedsNoFurtherConfirmation() throws IOException {
        Path file = setting("alias/ci-artifacts", "Team", "payments");

        Run applied = tags("apply", file.toString(), "--only-add", "--check-access", "--yes");

        assertThat(applied.status()).as(applied.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(applied.out()).contains("gain: role/payments-app: kms:Decrypt allowed after, not before")
                .contains(DELAY);
    }

    @Test
    void applyWithoutAccessChangesSaysNothingOfAuthorizationDelays() throws IOException {
        Run applied = tags("apply", setting("alias/orders-db", "Backup", "weekly").toString(), "--only-add",
                "--check-access", "--yes");

        assertThat(applied.status()).as(applied.err()).isEqualTo(TagsCommand.EXIT_OK);
        assertThat(applied.out()).contains("No IAM policy in this account decides access").doesNotContain(DELAY);
    }

    @Test
    void allowAccessLossIsAnOptionOfApplyOnly() throws IOException {
        Run plan = tags("plan", setting("alias/orders-db", "Backup", "weekly").toString(), "--allow-access-loss");

        assertThat(plan.status()).isEqualTo(TagsCommand.EXIT_ERROR);
        assertThat(plan.err()).contains("Unknown argument: --allow-access-loss");
    }
}
