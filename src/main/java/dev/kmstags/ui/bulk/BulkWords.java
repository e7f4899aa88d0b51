package dev.kmstags.ui.bulk;

import dev.kmstags.domain.KeyStates.ReadOnlyReason;
import dev.kmstags.domain.TagRule;
import dev.kmstags.domain.TagRules;
import dev.kmstags.domain.TagViolation;
import dev.kmstags.domain.bulk.BulkOperation;
import dev.kmstags.domain.bulk.BulkProblem;
import dev.kmstags.ui.common.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The words of bulk editing: steps, problems and reasons as sentences, shared by the editor and its review. */
final class BulkWords {

    private final Messages messages;

    BulkWords(Messages messages) {
        this.messages = messages;
    }

    String step(BulkOperation operation) {
        if (operation instanceof BulkOperation.SetTag set) {
            return messages.format("bulk.step.set", key(set.key()), value(set.value()));
        } else if (operation instanceof BulkOperation.ChangeValue change) {
            return messages.format("bulk.step.change", key(change.key()), value(change.value()));
        } else if (operation instanceof BulkOperation.RemoveTag remove) {
            return messages.format("bulk.step.remove", key(remove.key()));
        } else if (operation instanceof BulkOperation.RenameKey rename) {
            return messages.format("bulk.step.rename", key(rename.oldKey()), key(rename.newKey()));
        } else if (operation instanceof BulkOperation.ReplaceInValues replace) {
            return messages.format(replace.regex() ? "bulk.step.replaceRegex" : "bulk.step.replace",
                    messages.shortened(replace.find()), messages.shortened(replace.replacement()));
        } else if (operation instanceof BulkOperation.MergeVariants merge) {
            String chosen = merge.choices().isEmpty() ? ""
                    : messages.format("bulk.step.choices", merge.choices().size());
            String variants = merge.variants().stream().map(this::key).collect(Collectors.joining(", "));
            return merge.anyCase() && merge.variants().isEmpty()
                    ? messages.format("bulk.step.mergeCase", key(merge.target()), chosen)
                    : messages.format("bulk.step.merge", key(merge.target()),
                    variants + (merge.anyCase() ? ", Aa" : "")) + chosen;
        }
        throw new IllegalArgumentException("Unknown operation " + operation);
    }

    String problem(BulkProblem problem, int tagCount) {
        if (problem instanceof BulkProblem.RenameTargetTaken taken) {
            return messages.format("bulk.problem.renameTaken", key(taken.oldKey()), key(taken.newKey()),
                    value(taken.oldValue()), value(taken.existingValue()));
        } else if (problem instanceof BulkProblem.VariantClash clash) {
            String found = clash.variants().entrySet().stream()
                    .map(entry -> messages.format("review.line.tag", key(entry.getKey()), value(entry.getValue())))
                    .collect(Collectors.joining(", "));
            return messages.format("bulk.problem.clash", key(clash.target()), found);
        } else if (problem instanceof BulkProblem.InvalidPattern pattern) {
            return messages.format("bulk.problem.pattern", messages.shortened(pattern.pattern()), pattern.reason());
        } else if (problem instanceof BulkProblem.RuleBroken broken) {
            return rule(broken.violation(), tagCount);
        }
        throw new IllegalArgumentException("Unknown problem " + problem);
    }

    /** A broken tag rule in the tag editor's words. */
    private String rule(TagViolation violation, int tagCount) {
        TagRule rule = violation.rule();
        if (rule == TagRule.TOO_MANY_TAGS) {
            return messages.format("editor.error.TOO_MANY_TAGS", tagCount, tagCount - TagRules.MAX_TAGS_PER_KEY);
        }
        String text = violation.offendingText();
        Object argument = rule == TagRule.KEY_DUPLICATE ? messages.shortened(text)
                : text == null ? 0 : TagRules.length(text);
        String where = messages.format("editor.problem.key", messages.shortened(text == null ? "" : text));
        return messages.format("editor.problem.line", where, messages.format("editor.error." + rule.name(), argument));
    }

    String reason(ReadOnlyReason reason) {
        return messages.get("readOnly." + reason.name());
    }

    /** "alias/a, alias/b and 10 more": at most {@code shown} names. */
    String names(List<String> names, int shown) {
        if (names.size() <= shown) {
            return messages.format("bulk.keyNames", String.join(", ", names));
        }
        return messages.format("bulk.keyNamesMore", String.join(", ", names.subList(0, shown)), names.size() - shown);
    }

    String key(String key) {
        return messages.shortened(key);
    }

    String value(String value) {
        return value.isEmpty() ? messages.get("review.emptyValue") : messages.shortened(value);
    }

    String line(String name, String text) {
        return messages.format("bulk.problem.line", name, text);
    }

    /** "8 s", "3 min 20 s": a commit's estimated time. */
    String duration(Duration duration) {
        long seconds = (long) Math.ceil(duration.toMillis() / 1000.0);
        return seconds < 60 ? messages.format("bulkReview.duration.seconds", seconds)
                : messages.format("bulkReview.duration.minutes", seconds / 60, seconds % 60);
    }

    /** Each variant with its value, as the problem of a clash names them. */
    static List<String> values(Map<String, String> variants) {
        return variants.values().stream().distinct().toList();
    }
}
