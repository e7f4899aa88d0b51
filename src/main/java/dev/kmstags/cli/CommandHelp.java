package dev.kmstags.cli;

/** The help texts of the {@code tags} commands. */
final class CommandHelp {

    static final String CONNECTION = """
              --profile P      Connect with the AWS profile P (~/.aws/config or AWS_CONFIG_FILE), its credentials,
                               region and endpoint_url, as the app does; without it, the bundled local backend on
                               the app's data file
            """;

    static final String FILE_REGIONS = """
              --region R       Plan every row in region R (rows naming another region are errors)
              --all-regions    Read every region of the partition, at the same time, and plan each row in its
                               region: its Region column or ARN, else the one region whose keys have its key ID
                               or alias (a key ID or alias of several regions is an error). A region that cannot
                               be read is listed with the reason; it is an error only for the rows it holds.
                               Without either, the rows are matched so in the regions the file names and the
                               profile's region
            """;

    static final String FILE_OPTIONS = """
              --empty-cells-remove  One row per key: an empty tag cell removes the tag (default: leaves it)
              --only-add       One row per tag or JSON: only add and change tags (default: a key's rows are its
                               whole tag set, and its other tags are removed)
            """;

    static final String CHECK_ACCESS = """
              --check-access   Say per changed key who gains or loses which KMS action through the account's IAM
                               policies' conditions on the key's tags (reads them with
                               iam:GetAccountAuthorizationDetails; without that permission it says so and goes
                               on). It covers identity policies' tag conditions only: a list of warnings, not a
                               verdict
            """;

    static final String TAGS = """
            Usage: kms-tag-manager tags COMMAND [OPTIONS]

            Commands:
              export           Write the keys and their tags as CSV or JSON (see tags export --help)
              plan FILE        Show what an edited export would change (see tags plan --help)
              apply FILE       Make the keys' tags what an edited export says (see tags apply --help)
            """;

    static final String EXPORT = """
            Usage: kms-tag-manager tags export [--profile P] [--region R | --all-regions]
                                               [--format csv|csv-long|json] [--filter 'Team=platform !Owner']
                                               [-o FILE]

            Writes every key of the region (or those the filter matches) with its tags.

            """ + CONNECTION + """
              --region R       The region (default: the profile's region, else AWS_REGION, else us-east-1)
              --all-regions    Every region of the partition, read at the same time; a region that cannot be
                               read (not enabled for the account, denied) is listed on standard error with the
                               reason, the others are exported, and the exit status is 1
              --format F       csv: one row per key, a column per tag key (default); csv-long: one row per tag;
                               json: one document
              --filter Q       Only the keys the search Q matches: Team=platform, Team=plat*, Team=, !Owner,
                               free text, compliant, !compliant; terms separated by spaces must all match
                               (docs/inventory.md)
              --tag-policy F   With compliant or !compliant: the tag policy in file F instead of the account's
                               effective one from AWS Organizations
              -o FILE          Write to FILE instead of standard output

            Exits 0 when every key was read, 1 otherwise (with --all-regions: after writing the regions read).

            Examples:
              kms-tag-manager tags export --profile prod --filter '!Owner' -o missing-owner.csv
              kms-tag-manager tags export --profile prod --all-regions --format json -o kms-tags.json
              kms-tag-manager tags export --profile prod --filter '!compliant' -o off-policy.csv
            """;

    static final String PLAN = """
            Usage: kms-tag-manager tags plan FILE [--profile P] [--region R | --all-regions]
                                                  [--empty-cells-remove] [--only-add]
                                                  [--tag-policy F] [--fail-on-noncompliant]
                                                  [--check-access]

            Reads FILE (an export, possibly edited) and prints per key what applying it would change, and where
            the tags a changed key would have stray from the tag policy: the account's effective tag policy from
            AWS Organizations, or --tag-policy FILE. A tag the plan writes against a policy enforced for KMS keys
            is an error (AWS would refuse the change); the rest are warnings. With --check-access, it prints
            per changed key who gains or loses which KMS action through the account's IAM policies.
            Exits 0 when there is nothing to do, 2 when there are changes, 1 on errors (rows that cannot be
            applied are listed on standard error with their line numbers).

            """ + CONNECTION + FILE_REGIONS + FILE_OPTIONS + """
              --tag-policy F   Check against the tag policy in file F (AWS Organizations syntax) instead of
                               the account's effective one
              --fail-on-noncompliant
                               Exit 1 when a changed key would not comply with the tag policy
            """ + CHECK_ACCESS + """

            Examples:
              kms-tag-manager tags plan --profile prod edited.csv
              kms-tag-manager tags plan --profile prod --check-access edited.csv
              kms-tag-manager tags plan --profile prod --all-regions key-ids-only.csv
            """;

    static final String APPLY = """
            Usage: kms-tag-manager tags apply FILE [--profile P] [--region R | --all-regions]
                                                   [--empty-cells-remove] [--only-add]
                                                   [--yes] [--tag-rate N] [--untag-rate N]
                                                   [--tag-policy F] [--fail-on-noncompliant]
                                                   [--check-access [--allow-access-loss]]

            Plans FILE as tags plan does and prints the plan and where it strays from the tag policy, then
            writes it, paced to KMS's request quotas, with progress on standard error. Each key is read again
            just before it is written: a key whose same tags someone changed since this command read them is a
            conflict and is not written. Nothing is applied when the file has rows that cannot be applied, or
            with --fail-on-noncompliant when a changed key would not comply with the tag policy. With
            --check-access it prints who gains or loses access too, asks once more before it removes
            someone's access, and says afterwards that authorization may take up to five minutes to follow
            the new tags. Ctrl-C stops starting new keys, finishes the keys under way and reports which
            were written.
            Exits 0 when every key holds what the file says (or nothing was to do), 1 otherwise.

            """ + CONNECTION + FILE_REGIONS + FILE_OPTIONS + """
              --yes, -y        Apply without asking; without it, tags apply asks on the terminal and refuses
                               when there is none
              --tag-rate N     TagResource calls per second and region (default 10, AWS's quota)
              --untag-rate N   UntagResource calls per second and region (default 5, AWS's quota)
              --tag-policy F   Check against the tag policy in file F instead of the account's effective one
              --fail-on-noncompliant
                               Write nothing, and exit 1, when a changed key would not comply with the tag
                               policy
            """ + CHECK_ACCESS + """
              --allow-access-loss
                               With --check-access, apply a change that removes someone's access without
                               asking once more; with --yes it is needed, or such a change is not applied

            Examples:
              kms-tag-manager tags apply --profile prod edited.csv
              kms-tag-manager tags apply --profile prod --yes kms-tags.json
              kms-tag-manager tags apply --profile prod --all-regions key-ids-only.csv
            """;

    private CommandHelp() {
    }

    /** The help of {@code tags COMMAND}. */
    static String of(String command) {
        return switch (command) {
            case "export" -> EXPORT;
            case "plan" -> PLAN;
            case "apply" -> APPLY;
            default -> TAGS;
        };
    }
}
