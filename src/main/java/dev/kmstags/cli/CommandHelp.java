package dev.kmstags.cli;

/** The help texts of the {@code tags} commands. */
final class CommandHelp {

    static final String CONNECTION = """
              --profile P      Connect with the AWS profile P (~/.aws/config or AWS_CONFIG_FILE), its credentials,
                               region and endpoint_url, as the app does; without it, the bundled local backend on
                               the app's data file
              --region R       The region (default: the profile's region, else AWS_REGION, else us-east-1)
            """;

    static final String TAGS = """
            Usage: kms-tag-manager tags COMMAND [OPTIONS]

            Commands:
              export           Write the keys and their tags as CSV or JSON (see tags export --help)
              plan FILE        Show what an edited export would change (see tags plan --help)
            """;

    static final String EXPORT = """
            Usage: kms-tag-manager tags export [--profile P] [--region R] [--format csv|csv-long|json]
                                               [--filter 'Team=platform !Owner'] [-o FILE]

            Writes every key of the region (or those the filter matches) with its tags.

            """ + CONNECTION + """
              --format F       csv: one row per key, a column per tag key (default); csv-long: one row per tag;
                               json: one document
              --filter Q       Only the keys the search Q matches: Team=platform, Team=plat*, Team=, !Owner,
                               free text; terms separated by spaces must all match (docs/inventory.md)
              -o FILE          Write to FILE instead of standard output

            Example: kms-tag-manager tags export --profile prod --filter '!Owner' -o missing-owner.csv
            """;

    static final String PLAN = """
            Usage: kms-tag-manager tags plan FILE [--profile P] [--region R] [--empty-cells-remove] [--only-add]

            Reads FILE (an export, possibly edited) and prints per key what applying it would change.
            Exits 0 when there is nothing to do, 2 when there are changes, 1 on errors (rows that cannot be
            applied are listed on standard error with their line numbers).

            """ + CONNECTION + """
              --empty-cells-remove  One row per key: an empty tag cell removes the tag (default: leaves it)
              --only-add       One row per tag or JSON: only add and change tags (default: a key's rows are its
                               whole tag set, and its other tags are removed)

            Example: kms-tag-manager tags plan --profile prod edited.csv
            """;

    private CommandHelp() {
    }
}
