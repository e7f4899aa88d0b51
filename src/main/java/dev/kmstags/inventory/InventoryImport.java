package dev.kmstags.inventory;

import dev.kmstags.domain.EditedTag;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.TagRules;
import dev.kmstags.domain.TagViolation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an {@link InventoryFile} into a {@link dev.kmstags.domain.TagPlan} per key of one connection (an account and a
 * region), against the keys and tags as they are now.
 *
 * <p>Rows are matched to keys by ARN, else by key ID, else by alias. One row per key (CSV): a tag column with a
 * value sets the tag, an empty cell leaves it alone (or removes it, with {@link ImportOptions#emptyCellsRemove}),
 * a tag without a column is left alone. One row per tag (CSV) and JSON: a key's tags in the file are its whole tag
 * set (or only added and changed, with {@link ImportOptions#onlyAdd}); keys the file does not name are left alone.
 */
public final class InventoryImport {

    private final String account;
    private final String region;
    private final List<InventoryEntry> current;
    private final ImportOptions options;

    /**
     * @param account the connection's account ID (rows naming another are refused)
     * @param region  the connection's region (rows naming another are refused)
     * @param current every key of the connection with its tags now
     * @param options how to read what the file leaves out
     */
    public InventoryImport(String account, String region, List<InventoryEntry> current, ImportOptions options) {
        this.account = Objects.requireNonNull(account, "account");
        this.region = Objects.requireNonNull(region, "region");
        this.current = List.copyOf(current);
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The plans and problems of {@code file}. */
    public ImportResult plan(InventoryFile file) {
        KeyIndex index = new KeyIndex(current);
        List<ImportProblem> problems = new ArrayList<>();
        Map<String, KeyRows> byKey = new LinkedHashMap<>();
        for (ImportedRow row : file.rows()) {
            if (!row.account().isEmpty() && !row.account().equals(account)) {
                problems.add(new ImportProblem(row.line(), ImportProblem.Reason.OTHER_ACCOUNT,
                        "the row names account " + row.account() + ", the connection is to account " + account));
                continue;
            }
            if (!row.region().isEmpty() && !row.region().equals(region)) {
                problems.add(new ImportProblem(row.line(), ImportProblem.Reason.OTHER_REGION,
                        "the row names region " + row.region() + ", the connection is to region " + region));
                continue;
            }
            Match match = index.find(row);
            if (match == null) {
                problems.add(new ImportProblem(row.line(), ImportProblem.Reason.UNKNOWN_KEY,
                        "no key of this connection has " + describeIdentity(row)));
                continue;
            }
            KeyRows rows = byKey.computeIfAbsent(match.entry().key().keyId(), id -> new KeyRows(match));
            if (file.format() != ExportFormat.CSV_LONG && !rows.rows.isEmpty()) {
                problems.add(new ImportProblem(row.line(), ImportProblem.Reason.KEY_REPEATED,
                        "key " + id(match) + " is already named on line " + rows.rows.get(0).line()));
                continue;
            }
            rows.rows.add(row);
        }
        List<KeyImportPlan> plans = new ArrayList<>();
        for (KeyRows rows : byKey.values()) {
            planKey(file.format(), rows, problems).ifPresent(plans::add);
        }
        problems.sort((a, b) -> Long.compare(a.line(), b.line()));
        return new ImportResult(file.format(), plans, problems);
    }

    private Optional<KeyImportPlan> planKey(ExportFormat format, KeyRows rows,
                                                      List<ImportProblem> problems) {
        InventoryEntry entry = rows.match.entry();
        Map<String, String> original = new LinkedHashMap<>();
        entry.tags().forEach(tag -> original.put(tag.key(), tag.value()));
        Map<String, String> target = new LinkedHashMap<>(original);
        Map<String, Long> lineOfTag = new HashMap<>();
        long firstLine = rows.rows.get(0).line();
        if (format == ExportFormat.CSV) {
            rows.rows.get(0).tags().forEach((key, value) -> {
                if (value != null) {
                    target.put(key, value);
                } else if (options.emptyCellsRemove()) {
                    target.remove(key);
                }
            });
        } else {
            if (!options.onlyAdd()) {
                target.clear();
            }
            for (ImportedRow row : rows.rows) {
                for (Map.Entry<String, String> tag : row.tags().entrySet()) {
                    if (lineOfTag.containsKey(tag.getKey())) {
                        problems.add(new ImportProblem(row.line(), ImportProblem.Reason.TAG_RULE, "tag key \""
                                + tag.getKey() + "\" of key " + id(rows.match) + " is already on line "
                                + lineOfTag.get(tag.getKey())));
                        return Optional.empty();
                    }
                    lineOfTag.put(tag.getKey(), row.line());
                    target.put(tag.getKey(), tag.getValue());
                }
            }
        }
        List<Tag> targetTags = target.entrySet().stream().map(tag -> new Tag(tag.getKey(), tag.getValue())).toList();
        List<EditedTag> editedRows = targetTags.stream()
                .map(tag -> original.containsKey(tag.key())
                        ? EditedTag.loaded(tag.key(), tag.key(), tag.value())
                        : EditedTag.added(tag.key(), tag.value()))
                .toList();
        TagPlan plan = TagPlan.between(original, editedRows);
        List<TagViolation> violations = plan.violations();
        if (!violations.isEmpty()) {
            for (TagViolation violation : violations) {
                long line = violation.index() >= 0
                        ? lineOfTag.getOrDefault(targetTags.get(violation.index()).key(), firstLine) : firstLine;
                problems.add(new ImportProblem(line, ImportProblem.Reason.TAG_RULE, "key " + id(rows.match)
                        + ": " + describe(violation)));
            }
            return Optional.empty();
        }
        if (!plan.isEmpty() && entry.key().tagEditingBlockedBy().isPresent()) {
            problems.add(new ImportProblem(firstLine, ImportProblem.Reason.KEY_READ_ONLY, "the tags of key "
                    + id(rows.match) + " cannot be changed: " + entry.key().tagEditingBlockedBy().get()));
            return Optional.empty();
        }
        if (!plan.isEmpty() && entry.tagsDenied()) {
            problems.add(new ImportProblem(firstLine, ImportProblem.Reason.KEY_READ_ONLY, "the tags of key "
                    + id(rows.match) + " cannot be read, so cannot be changed"));
            return Optional.empty();
        }
        return Optional.of(new KeyImportPlan(entry.key(), plan, rows.match.by(), firstLine));
    }

    private static String describe(TagViolation violation) {
        String text = violation.offendingText() == null ? "" : " \"" + violation.offendingText() + "\"";
        return switch (violation.rule()) {
            case KEY_EMPTY -> "a tag key is empty";
            case KEY_TOO_LONG -> "tag key" + text + " is longer than " + TagRules.MAX_KEY_LENGTH + " characters";
            case KEY_NOT_UNICODE -> "tag key" + text + " is not valid Unicode";
            case KEY_RESERVED -> "tag key" + text + " starts with " + TagRules.RESERVED_PREFIX + ", which is reserved for AWS";
            case KEY_DUPLICATE -> "tag key" + text + " appears twice";
            case VALUE_MISSING -> "a tag value is missing";
            case VALUE_NOT_UNICODE -> "the value of a tag is not valid Unicode";
            case VALUE_TOO_LONG -> "the value of a tag is longer than " + TagRules.MAX_VALUE_LENGTH + " characters";
            case TOO_MANY_TAGS -> "the key would have more than " + TagRules.MAX_TAGS_PER_KEY + " tags";
        };
    }

    private static String id(Match match) {
        return match.entry().key().primaryAlias()
                .map(alias -> match.entry().key().keyId() + " (" + alias + ")")
                .orElse(match.entry().key().keyId());
    }

    private static String describeIdentity(ImportedRow row) {
        if (!row.arn().isEmpty()) {
            return "the ARN " + row.arn();
        }
        if (!row.keyId().isEmpty()) {
            return "the key ID " + row.keyId();
        }
        if (!row.alias().isEmpty()) {
            return "the alias " + row.alias();
        }
        return "an empty ARN, key ID and alias";
    }

    /** A row matched to a key, and how. */
    private record Match(InventoryEntry entry, KeyImportPlan.MatchedBy by) {
    }

    /** The rows of one key, in file order. */
    private static final class KeyRows {
        private final Match match;
        private final List<ImportedRow> rows = new ArrayList<>();

        KeyRows(Match match) {
            this.match = match;
        }
    }

    /** The keys of the connection by ARN, key ID and alias. */
    private static final class KeyIndex {
        private final Map<String, InventoryEntry> byArn = new HashMap<>();
        private final Map<String, InventoryEntry> byKeyId = new HashMap<>();
        private final Map<String, InventoryEntry> byAlias = new HashMap<>();

        KeyIndex(List<InventoryEntry> entries) {
            for (InventoryEntry entry : entries) {
                byArn.put(entry.key().arn(), entry);
                byKeyId.put(entry.key().keyId(), entry);
                entry.key().aliases().forEach(alias -> byAlias.put(alias, entry));
            }
        }

        /** The key the row names, or null; a row naming an ARN or key ID is never matched by its alias. */
        Match find(ImportedRow row) {
            if (!row.arn().isEmpty()) {
                InventoryEntry entry = byArn.get(row.arn());
                return entry == null ? null : new Match(entry, KeyImportPlan.MatchedBy.ARN);
            }
            if (!row.keyId().isEmpty()) {
                InventoryEntry entry = byKeyId.get(row.keyId());
                return entry == null ? null : new Match(entry, KeyImportPlan.MatchedBy.KEY_ID);
            }
            if (!row.alias().isEmpty()) {
                InventoryEntry entry = byAlias.get(row.alias().startsWith("alias/") ? row.alias()
                        : "alias/" + row.alias());
                return entry == null ? null : new Match(entry, KeyImportPlan.MatchedBy.ALIAS);
            }
            return null;
        }
    }
}
