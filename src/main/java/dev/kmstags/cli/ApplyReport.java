package dev.kmstags.cli;

import dev.kmstags.domain.TagMerge;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.kms.bulk.BulkResult;
import dev.kmstags.kms.bulk.KeyResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How {@code tags apply} ended, key by key: a summary on standard output; each key that was not applied whole on
 * standard error, with why and what to do.
 */
final class ApplyReport {

    private final PrintStream out;
    private final PrintStream err;
    private final String again;

    /** @param again the command that applies the file again, for the sentences that say what to do */
    ApplyReport(PrintStream out, PrintStream err, String again) {
        this.out = out;
        this.err = err;
        this.again = again;
    }

    /** Prints the report; returns whether every key holds what the file says. */
    boolean print(List<KeyImportPlan> changes, BulkResult result, boolean signalled) {
        Map<String, KeyImportPlan> plans = changes.stream()
                .collect(Collectors.toMap(change -> change.key().id(), Function.identity()));
        int applied = 0;
        int merged = 0;
        int alreadySo = 0;
        List<String> conflicts = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (Map.Entry<String, KeyResult> entry : result.keys().entrySet()) {
            String key = name(plans.get(entry.getKey()));
            KeyResult keyResult = entry.getValue();
            if (keyResult instanceof KeyResult.Applied done) {
                applied++;
                merged += done.merged() == null ? 0 : 1;
            } else if (keyResult instanceof KeyResult.Conflict conflict) {
                conflicts.add(key);
                err.println("Conflict, not written: " + key + ": " + describe(conflict));
            } else if (keyResult instanceof KeyResult.Failed failure) {
                failed.add(key);
                err.println("Failed, not written: " + key + ": " + failure.error().getMessage());
            } else if (keyResult instanceof KeyResult.Partial partial) {
                failed.add(key);
                err.println("Partly written: " + key + ": its tags were removed as planned, but setting "
                        + describe(partial.pending()) + " failed: " + partial.error().getMessage());
            } else if (keyResult instanceof KeyResult.Skipped skipped) {
                if (skipped.reason() == KeyResult.Reason.ALREADY_SO) {
                    alreadySo++;
                } else if (skipped.reason() == KeyResult.Reason.CANCELLED) {
                    notStarted.add(key);
                } else {
                    failed.add(key);
                    err.println("Not written: " + key + ": with the changes others made to it meanwhile,"
                            + " its tags would break a KMS tag rule (such as 50 tags at most)");
                }
            }
        }
        if (!notStarted.isEmpty()) {
            err.println((signalled ? "Stopped by a signal; not started, nothing written: " : "Not started: ")
                    + String.join(", ", notStarted));
        }
        out.println("Applied " + applied + " of " + result.keys().size() + " keys"
                + (merged > 0 ? " (" + merged + " merged with others' changes to other tags)" : "")
                + (alreadySo > 0 ? "; " + alreadySo + " already held the file's tags" : "")
                + (conflicts.isEmpty() ? "" : "; " + conflicts.size() + " in conflict")
                + (failed.isEmpty() ? "" : "; " + failed.size() + " failed")
                + (notStarted.isEmpty() ? "" : "; " + notStarted.size() + " not started") + ".");
        if (!conflicts.isEmpty()) {
            err.println("The tags of " + conflicts.size() + " key(s) changed after this command read them, on the"
                    + " same tag keys the file changes: " + String.join(", ", conflicts) + ". Nothing was written to"
                    + " them. Run tags plan on the file to see their tags now, keep or edit the file, then run "
                    + again + " again.");
        }
        if (!failed.isEmpty() || !notStarted.isEmpty()) {
            err.println("Run " + again + " again to apply the rest: the keys already written need no change.");
        }
        return conflicts.isEmpty() && failed.isEmpty() && notStarted.isEmpty();
    }

    /** "1234abcd-… (alias/payments-prod)": a key as the reports name it. */
    static String name(KeyImportPlan plan) {
        return plan.key().keyId() + plan.key().primaryAlias().map(alias -> " (" + alias + ")").orElse("");
    }

    /** "Team is now "ops" (it was "platform", the file sets "payments")" for each tag key in conflict. */
    private static String describe(KeyResult.Conflict conflict) {
        List<String> parts = new ArrayList<>();
        for (TagMerge.Conflict each : conflict.conflicts()) {
            for (TagMerge.KeyValues values : each.keys()) {
                parts.add(values.key() + " is now " + value(values.theirs()) + " (it was " + value(values.original())
                        + ", the file sets " + value(values.mine()) + ")");
            }
        }
        return String.join("; ", parts);
    }

    private static String describe(TagPlan.TagCall call) {
        return call instanceof TagPlan.TagCall.TagResource tag
                ? tag.tags().stream().map(t -> t.key() + " = " + PlanPrinter.quoted(t.value()))
                        .collect(Collectors.joining(", "))
                : call.toString();
    }

    private static String value(String value) {
        return value == null ? "absent" : PlanPrinter.quoted(value);
    }
}
