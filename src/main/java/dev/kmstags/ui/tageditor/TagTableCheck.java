package dev.kmstags.ui.tageditor;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.TagRule;
import dev.kmstags.domain.TagRules;
import dev.kmstags.domain.policy.PolicyFinding;
import dev.kmstags.domain.policy.PolicyWords;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.ui.common.Messages;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges the editor's table with {@link TagRules} and says, in words, what is wrong with each row: the rules a key or
 * value breaks, keys that appear twice, keys that differ only in case and unusual characters (warnings), a table with
 * more tags than a key may carry, and where a tag strays from the tag policy. Rows marked removed are left out, as they
 * will not exist. Each sentence is listed once (two rows with the same key share one), and long keys are quoted cut
 * short.
 */
final class TagTableCheck {

    /** What the check found: the sentences beside the table, errors first, and whether anything is an error. */
    record Result(List<String> errors, List<String> warnings, int tagCount) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Messages messages;
    private final PolicyWords policyWords;

    TagTableCheck(Messages messages) {
        this.messages = messages;
        this.policyWords = messages.policyWords();
    }

    /** Writes each row's problems into it and answers the table's, without a tag policy. */
    Result check(List<TagRowViewModel> rows) {
        return check(rows, TagPolicy.none());
    }

    /**
     * Writes each row's problems into it and answers the table's. Where a row strays from {@code policy}, that is
     * an error when the row is edited and the policy is enforced for KMS keys (AWS refuses the change), else a
     * warning.
     */
    Result check(List<TagRowViewModel> rows, TagPolicy policy) {
        List<TagRowViewModel> kept = rows.stream().filter(row -> !row.removedProperty().get()).toList();
        List<String> keys = kept.stream().map(row -> row.keyProperty().get()).toList();
        Set<String> duplicates = TagRules.duplicateKeys(keys);
        Set<String> errors = new LinkedHashSet<>();
        Set<String> warnings = new LinkedHashSet<>();
        for (TagRowViewModel row : rows) {
            if (row.removedProperty().get()) {
                row.showProblems("", "", "", "");
                continue;
            }
            String key = row.keyProperty().get();
            String value = row.valueProperty().get();
            String keyError = TagRules.checkKey(key).map(rule -> sentence(rule, key))
                    .orElse(duplicates.contains(key) ? sentence(TagRule.KEY_DUPLICATE, key) : "");
            String valueError = TagRules.checkValue(value).map(rule -> sentence(rule, value)).orElse("");
            String keyWarning = keyWarning(key, keys);
            String valueWarning = value != null && TagRules.hasUnusualCharacters(value)
                    ? messages.get("editor.warning.characters") : "";
            for (PolicyFinding finding : policy.check(key, value, row.isEdited())) {
                String sentence = policyWords.cell(finding);
                boolean onKey = finding.kind() == PolicyFinding.Kind.KEY_CASE;
                if (finding.blocks()) {
                    keyError = onKey ? joined(keyError, sentence) : keyError;
                    valueError = onKey ? valueError : joined(valueError, sentence);
                } else {
                    keyWarning = onKey ? joined(keyWarning, sentence) : keyWarning;
                    valueWarning = onKey ? valueWarning : joined(valueWarning, sentence);
                }
            }
            row.showProblems(keyError, valueError, keyWarning, valueWarning);

            String name = key == null || key.isEmpty()
                    ? messages.format("editor.problem.newRow", rows.indexOf(row) + 1)
                    : messages.format("editor.problem.key", messages.shortened(key));
            String keyName = messages.format("editor.problem.inKey", name);
            String valueName = messages.format("editor.problem.inValue", name);
            addLine(errors, keyName, keyError);
            addLine(errors, valueName, valueError);
            addLine(warnings, keyName, keyWarning);
            addLine(warnings, valueName, valueWarning);
        }
        if (!TagRules.withinTagLimit(kept.size())) {
            errors.add(messages.format("editor.error.TOO_MANY_TAGS", kept.size(),
                    kept.size() - TagRules.MAX_TAGS_PER_KEY));
        }
        return new Result(List.copyOf(errors), List.copyOf(warnings), kept.size());
    }

    /**
     * What is wrong with a plan the editor did not build row by row (a merge with another's change), in the same
     * words: in practice only too many tags, as both sides' tags were valid on their own.
     */
    List<String> problemsOf(TagPlan plan) {
        int count = plan.target().size();
        return plan.violations().stream().map(violation -> violation.rule() == TagRule.TOO_MANY_TAGS
                ? messages.format("editor.error.TOO_MANY_TAGS", count, count - TagRules.MAX_TAGS_PER_KEY)
                : messages.format("editor.problem.line", messages.format("editor.problem.key",
                        messages.shortened(violation.offendingText())),
                        sentence(violation.rule(), violation.offendingText()))).distinct().toList();
    }

    private static String joined(String first, String second) {
        return first.isEmpty() ? second : first + "\n" + second;
    }

    private String keyWarning(String key, List<String> keys) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        Set<String> twins = TagRules.caseTwinsOf(key, keys);
        if (!twins.isEmpty()) {
            return messages.format("editor.warning.case", messages.shortened(key),
                    messages.shortened(twins.iterator().next()));
        }
        return TagRules.hasUnusualCharacters(key) ? messages.get("editor.warning.characters") : "";
    }

    private String sentence(TagRule rule, String text) {
        int length = text == null ? 0 : TagRules.length(text);
        return messages.format("editor.error." + rule.name(),
                rule == TagRule.KEY_DUPLICATE ? messages.shortened(text) : length);
    }

    private void addLine(Set<String> lines, String name, String problem) {
        if (!problem.isEmpty()) {
            lines.add(messages.format("editor.problem.line", name, problem));
        }
    }
}
