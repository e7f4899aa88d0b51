package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.inventory.KeyImportPlan;
import java.io.PrintStream;
import java.util.List;

/** Prints an import's plans per key, as the review lists them: added, changed and removed tags. */
final class PlanPrinter {

    private final PrintStream out;

    PlanPrinter(PrintStream out) {
        this.out = out;
    }

    /** Prints {@code result}; {@code withRegion} adds each key's region, for a file that spans several. */
    void print(ImportResult result, boolean withRegion) {
        List<KeyImportPlan> changes = result.changes();
        int added = 0;
        int changed = 0;
        int removed = 0;
        for (KeyImportPlan keyPlan : changes) {
            TagPlan plan = keyPlan.plan();
            String alias = keyPlan.key().primaryAlias().map(name -> " (" + name + ")").orElse("");
            String matched = keyPlan.matchedBy() == KeyImportPlan.MatchedBy.ALIAS
                    ? "  [matched by alias on line " + keyPlan.firstLine() + "]" : "";
            String region = withRegion ? Arns.region(keyPlan.key().arn()).map(name -> " in " + name).orElse("") : "";
            out.println(keyPlan.key().keyId() + alias + region + matched);
            for (Tag tag : plan.added()) {
                out.println("  + " + tag.key() + " = " + quoted(tag.value()));
            }
            for (TagPlan.ValueChange change : plan.overwritten()) {
                out.println("  ~ " + change.key() + " = " + quoted(change.oldValue()) + " -> "
                        + quoted(change.newValue()));
            }
            for (Tag tag : plan.removed()) {
                out.println("  - " + tag.key() + " (was " + quoted(tag.value()) + ")");
            }
            added += plan.added().size();
            changed += plan.overwritten().size();
            removed += plan.removed().size();
        }
        if (changes.isEmpty()) {
            out.println("No changes: the tags of the " + result.plans().size() + " keys in the file are as it says.");
        } else {
            out.println("Plan: " + changes.size() + " of " + result.plans().size() + " keys change; " + added
                    + " tags to add, " + changed + " to change, " + removed + " to remove.");
        }
    }

    /** A tag value in double quotes, with quotes, backslashes and line breaks escaped so it stays on one line. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + "\"";
    }
}
