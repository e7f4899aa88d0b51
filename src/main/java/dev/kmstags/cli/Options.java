package dev.kmstags.cli;

import dev.kmstags.domain.bulk.TagCallQuotas;
import dev.kmstags.inventory.ExportFormat;
import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code tags export}, {@code tags plan} and {@code tags apply}.
 *
 * @param region     the region asked for with {@code --region}; null when none was
 * @param allRegions every region of the connection's partition: export them all; plan and apply a file in them
 * @param quotas     apply: the request quotas per region to pace the writes to
 * @param tagPolicy  the tag policy file to check against instead of the account's effective one; or null
 * @param failOnNoncompliant plan: exit 1 when a changed key would not comply with the tag policy; apply: write
 *                   nothing then
 * @param checkAccess plan and apply: say who gains or loses access to each changed key, from the account's IAM
 *                   policies
 * @param allowAccessLoss apply: with {@code --yes}, apply a change that removes someone's access too
 */
record Options(String command, boolean help, String profile, String region, boolean allRegions,
               ExportFormat format, String filter, Path output, Path file, boolean emptyCellsRemove,
               boolean onlyAdd, boolean yes, TagCallQuotas quotas, Path tagPolicy, boolean failOnNoncompliant,
               boolean checkAccess, boolean allowAccessLoss) {

    static final List<String> COMMANDS = List.of("export", "plan", "apply");

    static Options parse(List<String> args, String command) {
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("Unknown command: tags " + command);
        }
        boolean export = command.equals("export");
        boolean apply = command.equals("apply");
        boolean plan = command.equals("plan");
        Path tagPolicy = null;
        boolean failOnNoncompliant = false;
        boolean checkAccess = false;
        boolean allowAccessLoss = false;
        boolean help = false;
        String profile = null;
        String region = null;
        boolean allRegions = false;
        ExportFormat format = ExportFormat.CSV;
        String filter = "";
        Path output = null;
        Path file = null;
        boolean emptyCellsRemove = false;
        boolean onlyAdd = false;
        boolean yes = false;
        double tagRate = TagCallQuotas.AWS_DEFAULT.tagPerSecond();
        double untagRate = TagCallQuotas.AWS_DEFAULT.untagPerSecond();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--profile" -> profile = value(args, ++i, arg);
                case "--region" -> region = value(args, ++i, arg);
                case "--all-regions" -> allRegions = true;
                case "--format" -> {
                    requireFor(export, arg);
                    String name = value(args, ++i, arg);
                    format = ExportFormat.named(name).orElseThrow(() -> new IllegalArgumentException(
                            "Unknown format " + name + ": csv, csv-long or json"));
                }
                case "--filter" -> {
                    requireFor(export, arg);
                    filter = value(args, ++i, arg);
                }
                case "-o", "--output" -> {
                    requireFor(export, arg);
                    output = Path.of(value(args, ++i, arg));
                }
                case "--empty-cells-remove" -> {
                    requireFor(!export, arg);
                    emptyCellsRemove = true;
                }
                case "--only-add" -> {
                    requireFor(!export, arg);
                    onlyAdd = true;
                }
                case "--yes", "-y" -> {
                    requireFor(apply, arg);
                    yes = true;
                }
                case "--tag-rate" -> {
                    requireFor(apply, arg);
                    tagRate = rate(value(args, ++i, arg), arg);
                }
                case "--untag-rate" -> {
                    requireFor(apply, arg);
                    untagRate = rate(value(args, ++i, arg), arg);
                }
                case "--tag-policy" -> {
                    tagPolicy = Path.of(value(args, ++i, arg));
                }
                case "--fail-on-noncompliant" -> {
                    requireFor(plan || apply, arg);
                    failOnNoncompliant = true;
                }
                case "--check-access" -> {
                    requireFor(plan || apply, arg);
                    checkAccess = true;
                }
                case "--allow-access-loss" -> {
                    requireFor(apply, arg);
                    allowAccessLoss = true;
                }
                default -> {
                    if (arg.startsWith("-") || export || file != null) {
                        throw new IllegalArgumentException("Unknown argument: " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (!help && !export && file == null) {
            throw new IllegalArgumentException("tags " + command + " needs the FILE to " + command);
        }
        if (allRegions && region != null) {
            throw new IllegalArgumentException("--region and --all-regions exclude each other: give one");
        }
        return new Options(command, help, profile, region, allRegions, format, filter, output, file,
                emptyCellsRemove, onlyAdd, yes, new TagCallQuotas(tagRate, untagRate), tagPolicy,
                failOnNoncompliant, checkAccess, allowAccessLoss);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static double rate(String text, String option) {
        try {
            double rate = Double.parseDouble(text);
            if (rate > 0 && rate <= 10_000) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(option + " needs calls per second, more than 0: " + text);
    }

    private static void requireFor(boolean allowed, String option) {
        if (!allowed) {
            throw new IllegalArgumentException("Unknown argument: " + option);
        }
    }
}
