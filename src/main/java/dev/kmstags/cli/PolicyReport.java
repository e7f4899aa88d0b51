package dev.kmstags.cli;

import dev.kmstags.domain.policy.PolicyFinding;
import dev.kmstags.domain.policy.PolicyWords;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.domain.policy.TagPolicyException;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.kms.EffectiveTagPolicy;
import dev.kmstags.kms.KmsSession;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code tags plan} says about the tag policy: the policy of {@code --tag-policy FILE}, else the account's
 * effective one from Organizations, measured against the tags each changed key would have. A tag the plan writes
 * against a policy enforced for KMS keys is an error (AWS refuses the change); the rest are warnings.
 */
final class PolicyReport {

    /** The policy and where it came from, for the heading. */
    record Source(TagPolicy policy, String description) {
    }

    private final PrintStream out;
    private final PrintStream err;
    /** The sentences the app shows, with keys and values whole. */
    private final PolicyWords words = new PolicyWords(Locale.getDefault());

    PolicyReport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * The policy to check against: the file's when one is given, else Organizations'; empty, with a sentence on
     * standard error, when it cannot be had. A file that cannot be read is an argument error.
     */
    Optional<Source> policy(Path file, CommandConnection connection) throws IOException {
        if (file != null) {
            try {
                return Optional.of(new Source(TagPolicy.parse(Files.readString(file, StandardCharsets.UTF_8)),
                        "the tag policy in " + file));
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("--tag-policy: no such file: " + file);
            } catch (TagPolicyException e) {
                throw new IllegalArgumentException("--tag-policy " + file + ": " + e.getMessage());
            }
        }
        EffectiveTagPolicy answer;
        try (KmsSession session = KmsSession.open(connection.in(connection.defaultRegion()))) {
            answer = session.effectiveTagPolicy();
        }
        if (answer instanceof EffectiveTagPolicy.Found found) {
            try {
                return Optional.of(new Source(TagPolicy.parse(found.text()), "the account's effective tag policy"));
            } catch (TagPolicyException e) {
                err.println("Tag policy not checked: Organizations' effective tag policy cannot be read: "
                        + e.getMessage());
                return Optional.empty();
            }
        }
        if (answer instanceof EffectiveTagPolicy.NotAllowed notAllowed) {
            err.println("Tag policy not checked: these credentials may not read the effective tag policy ("
                    + notAllowed.detail() + "). Give the policy with --tag-policy FILE.");
        } else if (answer instanceof EffectiveTagPolicy.Failed failed) {
            err.println("Tag policy not checked: Organizations could not be asked (" + failed.detail()
                    + "). Give the policy with --tag-policy FILE.");
        }
        return Optional.empty();
    }

    /** Prints the findings of each changed key; answers how many keys would not comply. */
    int print(Source source, List<KeyImportPlan> changes) {
        int noncompliant = 0;
        for (KeyImportPlan keyPlan : changes) {
            List<PolicyFinding> findings = source.policy().check(keyPlan.plan());
            if (findings.isEmpty()) {
                continue;
            }
            if (noncompliant == 0) {
                out.println(words.title(source.description()) + ":");
            }
            noncompliant++;
            out.println("  " + ApplyReport.name(keyPlan));
            for (PolicyFinding finding : findings) {
                out.println("    " + (finding.blocks() ? "error: " : "warning: ") + words.line(finding));
            }
        }
        if (noncompliant > 0) {
            out.println(noncompliant + " of " + changes.size() + " changed keys would not comply with the tag policy.");
        }
        return noncompliant;
    }
}
