package dev.kmstags.ui.bulk;

import dev.kmstags.domain.TagPlan;
import dev.kmstags.domain.access.AccessChange;
import dev.kmstags.domain.access.AccessCheck;
import dev.kmstags.domain.access.AccessReport;
import dev.kmstags.domain.access.AccessWords;
import dev.kmstags.domain.policy.PolicyFinding;
import dev.kmstags.domain.policy.PolicyWords;
import dev.kmstags.kms.AccessPolicies;
import dev.kmstags.ui.common.Messages;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.review.AccessSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The two guardrails of a bulk review, over every key it writes: where the tags stray from the tag policy, and who
 * gains or loses access through the change. Each finding is worded as the single-key review words it and grouped
 * with the keys it concerns, so that a change of a thousand keys reads as a few lines with their number of keys.
 */
public final class BulkGuardrails {

    /** How a group reads: refused by AWS or a warning (tag policy); access lost, gained, or unknown. */
    public enum Kind { REFUSED, WARNING, LOSS, GAIN, UNKNOWN }

    /** One finding and the keys it concerns, by name, in the order of the plan. */
    public record Group(String text, Kind kind, List<String> keys) {

        public Group {
            keys = List.copyOf(keys);
        }
    }

    /**
     * What reading the account's identity policies gave, and when they were read each written key's report (key ID
     * to report, in the order of the plan).
     */
    public record AccessResult(AccessPolicies.Reading reading, Map<String, AccessReport> reports) {

        public AccessResult {
            Objects.requireNonNull(reading, "reading");
            reports = Map.copyOf(reports);
        }
    }

    /** Neither guardrail applies: no tag policy and the access check is off. */
    public static final BulkGuardrails NONE = new BulkGuardrails("", List.of(), "", "", List.of(), "", "");

    private final String policyTitle;
    private final List<Group> policyGroups;
    private final String policyStatus;
    private final String accessTitle;
    private final List<Group> accessGroups;
    private final String accessStatus;
    private final String accessScope;

    private BulkGuardrails(String policyTitle, List<Group> policyGroups, String policyStatus, String accessTitle,
                           List<Group> accessGroups, String accessStatus, String accessScope) {
        this.policyTitle = policyTitle;
        this.policyGroups = List.copyOf(policyGroups);
        this.policyStatus = policyStatus;
        this.accessTitle = accessTitle;
        this.accessGroups = List.copyOf(accessGroups);
        this.accessStatus = accessStatus;
        this.accessScope = accessScope;
    }

    /**
     * Reads the identity policies (IAM the first time) and checks what each plan does to access to its key. May
     * call AWS: run it off the UI thread.
     *
     * @param plans key ID to the plan written
     * @param arns  key ID to the key's ARN, which the statements' resources are matched against
     */
    public static AccessResult checkAccess(AccessPolicies policies, Map<String, TagPlan> plans,
                                           Map<String, String> arns) {
        AccessPolicies.Reading reading = policies.read();
        Map<String, AccessReport> reports = new LinkedHashMap<>();
        if (reading instanceof AccessPolicies.Read read) {
            AccessCheck check = new AccessCheck(read.account());
            plans.forEach((keyId, plan) -> reports.put(keyId, check.check(arns.getOrDefault(keyId, ""), plan)));
        }
        return new AccessResult(reading, reports);
    }

    /**
     * The guardrails of {@code plans} against {@code policy} and, when the access check is on, {@code access}.
     *
     * @param plans  key ID to the plan written, in the order to show them
     * @param nameOf what people call a key, by its ID
     * @param access the access check's result; null while the check is off for the connection
     */
    public static BulkGuardrails of(Map<String, TagPlan> plans, Function<String, String> nameOf,
                                    PolicyInForce policy, AccessResult access, Messages messages) {
        String policyTitle = "";
        List<Group> policyGroups = List.of();
        String policyStatus = "";
        if (policy.isPresent()) {
            PolicyWords words = messages.policyWords();
            policyTitle = words.title(policy.source());
            policyGroups = policyGroups(plans, nameOf, policy, words);
            policyStatus = policyGroups.isEmpty() ? words.compliant() : "";
        }
        if (access == null) {
            return new BulkGuardrails(policyTitle, policyGroups, policyStatus, "", List.of(), "", "");
        }
        AccessWords words = AccessSection.words(messages);
        if (access.reading() instanceof AccessPolicies.Unavailable unavailable) {
            return new BulkGuardrails(policyTitle, policyGroups, policyStatus, words.title(), List.of(),
                    AccessSection.unavailableText(unavailable, messages), words.scope());
        }
        List<Group> accessGroups = accessGroups(plans, nameOf, access.reports(), words);
        Set<String> unreadable = new TreeSet<>();
        access.reports().values().forEach(report -> unreadable.addAll(report.unreadable()));
        return new BulkGuardrails(policyTitle, policyGroups, policyStatus, words.title(), accessGroups,
                words.status(accessGroups.isEmpty(), unreadable), words.scope());
    }

    private static List<Group> policyGroups(Map<String, TagPlan> plans, Function<String, String> nameOf,
                                            PolicyInForce policy, PolicyWords words) {
        Grouping grouping = new Grouping();
        plans.forEach((keyId, plan) -> {
            for (PolicyFinding finding : policy.policy().check(plan)) {
                grouping.add(words.line(finding), finding.blocks() ? Kind.REFUSED : Kind.WARNING,
                        nameOf.apply(keyId));
            }
        });
        return grouping.groups();
    }

    private static List<Group> accessGroups(Map<String, TagPlan> plans, Function<String, String> nameOf,
                                            Map<String, AccessReport> reports, AccessWords words) {
        Grouping grouping = new Grouping();
        for (String keyId : plans.keySet()) {
            AccessReport report = reports.get(keyId);
            if (report == null) {
                continue;
            }
            for (AccessChange change : report.changes()) {
                AccessWords.Line line = words.line(change);
                grouping.add(line.text(), switch (line.kind()) {
                    case LOSS -> Kind.LOSS;
                    case GAIN -> Kind.GAIN;
                    case UNKNOWN -> Kind.UNKNOWN;
                }, nameOf.apply(keyId));
            }
        }
        return grouping.groups();
    }

    /** Groups sentences with their keys; groups come in the order of their kind, then as first met. */
    private static final class Grouping {

        private final Map<String, Kind> kinds = new LinkedHashMap<>();
        private final Map<String, Set<String>> keys = new LinkedHashMap<>();

        void add(String text, Kind kind, String key) {
            kinds.putIfAbsent(text, kind);
            keys.computeIfAbsent(text, ignored -> new LinkedHashSet<>()).add(key);
        }

        List<Group> groups() {
            List<Group> groups = new ArrayList<>();
            kinds.forEach((text, kind) -> groups.add(new Group(text, kind, List.copyOf(keys.get(text)))));
            groups.sort(Comparator.comparing(Group::kind));
            return groups;
        }
    }

    /** Whether the review has a tag policy section. */
    public boolean policyShown() {
        return !policyTitle.isEmpty();
    }

    /** "Tag policy (the organization's effective tag policy)"; empty without a policy. */
    public String policyTitle() {
        return policyTitle;
    }

    /** Where the written keys' tags stray from the policy, refused ones first. */
    public List<Group> policyGroups() {
        return policyGroups;
    }

    /** "The tags follow the tag policy." when no key strays from it; empty otherwise. */
    public String policyStatus() {
        return policyStatus;
    }

    /** Whether no key writes a tag that AWS would refuse because the policy is enforced for KMS keys. */
    public boolean policyAllows() {
        return policyGroups.stream().noneMatch(group -> group.kind() == Kind.REFUSED);
    }

    /** Whether the review has the section "Access that changes" (the user turned the check on). */
    public boolean accessShown() {
        return !accessTitle.isEmpty();
    }

    /** "Access that changes"; empty when the section is not shown. */
    public String accessTitle() {
        return accessTitle;
    }

    /** Who gains or loses which action, per statement, with the keys; losses first. */
    public List<Group> accessGroups() {
        return accessGroups;
    }

    /** "No IAM policy in this account decides access by the tags you change", or why it was not checked. */
    public String accessStatus() {
        return accessStatus;
    }

    /** What the access check does not cover. */
    public String accessScope() {
        return accessScope;
    }

    /** Whether some principal loses access to some key: Apply then asks once more. */
    public boolean removesAccess() {
        return accessGroups.stream().anyMatch(group -> group.kind() == Kind.LOSS);
    }

    /** Whether some principal's access may change: the commit's result then says that it takes time to follow. */
    public boolean accessChanges() {
        return !accessGroups.isEmpty();
    }

    /** The keys that lose access for someone, by name. */
    public Set<String> keysLosingAccess() {
        Set<String> keys = new LinkedHashSet<>();
        accessGroups.stream().filter(group -> group.kind() == Kind.LOSS).forEach(group -> keys.addAll(group.keys()));
        return keys;
    }
}
