package dev.kmstags.cli;

import dev.kmstags.domain.access.AccessCheck;
import dev.kmstags.domain.access.AccessReport;
import dev.kmstags.domain.access.AccessWords;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.kms.bulk.BulkResult;
import dev.kmstags.kms.bulk.KeyResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code --check-access} says: the account's identity policies, read with IAM's
 * {@code GetAccountAuthorizationDetails} as the app reads them, measured against each changed key's tags before and
 * after, in the app's words: per key, who gains or loses which action through which statement, losses first; or that
 * no policy decides access by the tags changed; and always what the check does not cover.
 */
final class AccessChangeReport {

    /** The keys on which the check named a change of access, and those on which someone loses access, by name. */
    record Found(List<String> keysChanging, List<String> keysLosing) {

        static final Found NOTHING = new Found(List.of(), List.of());

        Found {
            keysChanging = List.copyOf(keysChanging);
            keysLosing = List.copyOf(keysLosing);
        }

        boolean removesAccess() {
            return !keysLosing.isEmpty();
        }

        /** "1 key", "3 keys": how many keys lose access for someone. */
        String keysLosingCount() {
            return keysLosing.size() + (keysLosing.size() == 1 ? " key" : " keys");
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final AccessWords words = new AccessWords(Locale.getDefault());

    AccessChangeReport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Reads the account's identity policies and prints what {@code changes} do to access. When the policies cannot
     * be read, says so in one sentence on standard error and finds nothing: the command goes on without the check.
     */
    Found check(CommandConnection connection, List<KeyImportPlan> changes) {
        AccessPolicies.Reading reading;
        try (KmsSession session = KmsSession.open(connection.in(connection.defaultRegion()))) {
            reading = session.accessPolicies().read();
        }
        if (reading instanceof AccessPolicies.Read read) {
            return print(new AccessCheck(read.account()), changes);
        }
        err.println(notChecked((AccessPolicies.Unavailable) reading));
        return Found.NOTHING;
    }

    /** Why there is no access check: the credentials may not read IAM, or reading it failed. */
    static String notChecked(AccessPolicies.Unavailable unavailable) {
        return unavailable.problem() == KmsProblem.ACCESS_DENIED
                ? "Access not checked: these credentials may not read the account's IAM policies ("
                        + unavailable.detail() + "). Ask for iam:GetAccountAuthorizationDetails, or leave out"
                        + " --check-access."
                : "Access not checked: the account's IAM policies could not be read (" + unavailable.detail() + ").";
    }

    private Found print(AccessCheck check, List<KeyImportPlan> changes) {
        out.println(words.title() + ":");
        List<String> changing = new ArrayList<>();
        List<String> losing = new ArrayList<>();
        Set<String> unreadable = new TreeSet<>();
        for (KeyImportPlan keyPlan : changes) {
            AccessReport report = check.check(keyPlan.key().arn(), keyPlan.plan());
            unreadable.addAll(report.unreadable());
            if (report.isEmpty()) {
                continue;
            }
            String name = ApplyReport.name(keyPlan);
            changing.add(name);
            if (report.removesAccess()) {
                losing.add(name);
            }
            out.println("  " + name);
            for (AccessWords.Line line : words.lines(report)) {
                out.println("    " + line.kind().name().toLowerCase(Locale.ROOT) + ": " + line.text());
            }
        }
        String status = words.status(changing.isEmpty(), unreadable);
        if (!status.isEmpty()) {
            out.println("  " + status);
        }
        out.println(words.scope());
        return new Found(changing, losing);
    }

    /** The question {@code tags apply} asks once more, on a terminal, before it removes someone's access. */
    String confirmLoss(Found found) {
        return "This change removes access to " + found.keysLosingCount() + " (see " + words.title()
                + " above). Remove that access and apply? Only yes applies it: ";
    }

    /** Why {@code tags apply --yes} wrote nothing: the change removes access, which --yes alone does not confirm. */
    String refusedLoss(Found found) {
        return "Nothing was applied: the change removes access to " + found.keysLosingCount() + " (see "
                + words.title() + " above), and --yes alone does not confirm that. Add --allow-access-loss to apply"
                + " it.";
    }

    /** After applying: that authorization takes time to follow, when access changes on keys that were written. */
    void printDelay(Found found, BulkResult result) {
        if (!found.keysChanging().isEmpty() && result.keys().values().stream().anyMatch(KeyResult::written)) {
            out.println(words.delay());
        }
    }
}
