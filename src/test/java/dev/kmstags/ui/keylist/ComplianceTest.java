package dev.kmstags.ui.keylist;

import static dev.kmstags.ui.common.TestKeys.DATES;
import static dev.kmstags.ui.common.TestKeys.EXPERIMENT;
import static dev.kmstags.ui.common.TestKeys.MESSAGES;
import static dev.kmstags.ui.common.TestKeys.NO_ALIAS;
import static dev.kmstags.ui.common.TestKeys.PAYMENTS;
import static dev.kmstags.ui.common.TestKeys.REPORTING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.policy.TagPolicy;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.ui.common.AppState;
import dev.kmstags.ui.common.PolicyInForce;
import dev.kmstags.ui.common.TestTaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The key list's Compliance column and its search terms {@code compliant} and {@code !compliant}. */
class ComplianceTest {

    private static final PolicyInForce POLICY = new PolicyInForce(TagPolicy.parse("""
            {"tags": {
              "team": {"tag_key": {"@@assign": "Team"}, "tag_value": {"@@assign": ["platform", "data"]}},
              "owner": {"tag_key": {"@@assign": "Owner"}, "report_required_tag_for": {"@@assign": ["kms:key"]}}
            }}"""), "the tag policy in policy.json");

    private final AppState state = new AppState();
    private final KeyListViewModel viewModel = new KeyListViewModel(new TestTaskExecutor(), MESSAGES, DATES, state);

    /** Every key but NO_ALIAS has its tags read. */
    private static KeyCatalog keys() {
        return listener -> {
            listener.accept(List.of(PAYMENTS, REPORTING, EXPERIMENT, NO_ALIAS));
            listener.tagsArrived(List.of(
                    KeyTags.read(PAYMENTS.keyId(), List.of(new Tag("Team", "platform"), new Tag("Owner", "ann"))),
                    KeyTags.read(REPORTING.keyId(), List.of(new Tag("team", "plattform-eu"))),
                    KeyTags.read(EXPERIMENT.keyId(), List.of(new Tag("Team", "data"), new Tag("Owner", "bob")))));
            return 4;
        };
    }

    private KeyRowViewModel row(KeySummary key) {
        return viewModel.rows().stream().filter(row -> row.keyId().equals(key.keyId())).findFirst().orElseThrow();
    }

    private List<String> shownFor(String search) {
        viewModel.searchTextProperty().set(search);
        return viewModel.visibleRows().stream().map(KeyRowViewModel::keyId).toList();
    }

    private static List<String> ids(KeySummary... keys) {
        return Stream.of(keys).map(KeySummary::keyId).toList();
    }

    @Test
    void eachKeySaysWhetherItsTagsComplyAndTheTooltipNamesTheFindings() {
        viewModel.load(keys());
        assertThat(row(PAYMENTS).complianceText()).isEqualTo("No policy");

        state.setTagPolicy(POLICY);

        assertThat(row(PAYMENTS).complianceProperty().get()).isEqualTo(Compliance.COMPLIANT);
        assertThat(row(PAYMENTS).complianceText()).isEqualTo("Compliant");
        assertThat(row(PAYMENTS).findingsText()).isEmpty();
        assertThat(row(REPORTING).complianceProperty().get()).isEqualTo(Compliance.NON_COMPLIANT);
        assertThat(row(REPORTING).complianceText()).isEqualTo("Non-compliant");
        assertThat(row(REPORTING).findingsText()).isEqualTo("""
                team: the tag policy writes this key \u201cTeam\u201d.
                team = plattform-eu: the tag policy does not allow this value. Allowed: platform, data.
                The tag policy requires KMS keys to carry the tag Owner.""");
        assertThat(row(NO_ALIAS).complianceProperty().get()).as("its tags are not read").isEqualTo(
                Compliance.UNKNOWN);
        assertThat(row(NO_ALIAS).complianceText()).isEmpty();

        state.setTagPolicy(PolicyInForce.none());
        assertThat(row(REPORTING).complianceProperty().get()).isEqualTo(Compliance.NO_POLICY);
    }

    @Test
    void notCompliantFindsTheKeysThatStrayAndFollowsTheTagPolicyInForce() {
        viewModel.load(keys());
        assertThat(shownFor("!compliant")).as("without a policy every key complies").isEmpty();

        state.setTagPolicy(POLICY);

        assertThat(viewModel.visibleRows()).extracting(KeyRowViewModel::keyId).as("the search follows the policy")
                .containsExactlyElementsOf(ids(REPORTING));
        assertThat(shownFor("compliant")).isEqualTo(ids(PAYMENTS, EXPERIMENT));
        assertThat(shownFor("!compliant Team=")).isEmpty();
        assertThat(shownFor("compliant Owner=bob")).isEqualTo(ids(EXPERIMENT));

        viewModel.showTagsNow(Map.of(REPORTING.keyId(), Map.of("Team", "data", "Owner", "cy")));
        assertThat(shownFor("compliant")).isEqualTo(ids(PAYMENTS, REPORTING, EXPERIMENT));
    }
}
