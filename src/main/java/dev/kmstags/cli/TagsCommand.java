package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.Tag;
import dev.kmstags.domain.TagQuery;
import dev.kmstags.domain.TagQueryException;
import dev.kmstags.inventory.ImportOptions;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.inventory.InventoryFile;
import dev.kmstags.inventory.InventoryReadException;
import dev.kmstags.inventory.InventoryReader;
import dev.kmstags.inventory.InventoryWriter;
import dev.kmstags.inventory.KeyImportPlan;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsProblem;
import dev.kmstags.kms.bulk.BulkResult;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.store.StoreException;
import dev.kmstags.profiles.AwsConfigException;
import dev.kmstags.profiles.AwsEnvironment;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code kms-tag-manager tags export|plan|apply}: the inventory from a script. Connects as the app does: a profile
 * of the AWS config files ({@code --profile}), or, without one, the bundled backend on the app's data file. Needs
 * no JavaFX.
 */
public final class TagsCommand {

    /** Nothing to do (plan), or the command succeeded. */
    public static final int EXIT_OK = 0;
    /** Errors: a bad argument, a file that cannot be read, rows that cannot be applied, KMS refused, conflicts. */
    public static final int EXIT_ERROR = 1;
    /** The plan has changes ({@code terraform plan -detailed-exitcode}). */
    public static final int EXIT_CHANGES = 2;

    private final AwsEnvironment environment;
    private final Path home;
    private final Supplier<BackendOptions> bundledBackend;
    private final Confirmation confirmation;

    /**
     * @param environment    the process environment, for the AWS config files and credentials
     * @param home           the user's home folder, where {@code ~/.aws} is
     * @param bundledBackend the bundled backend to start when no profile is given
     */
    public TagsCommand(AwsEnvironment environment, Path home, Supplier<BackendOptions> bundledBackend) {
        this(environment, home, bundledBackend, Confirmation.onTerminal());
    }

    TagsCommand(AwsEnvironment environment, Path home, Supplier<BackendOptions> bundledBackend,
                Confirmation confirmation) {
        this.environment = environment;
        this.home = home;
        this.bundledBackend = bundledBackend;
        this.confirmation = confirmation;
    }

    /** Runs {@code tags ARGS}; returns the exit status. */
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || isHelp(args.get(0))) {
            out.print(CommandHelp.TAGS);
            return args.isEmpty() ? EXIT_ERROR : EXIT_OK;
        }
        String command = args.get(0);
        Options options;
        try {
            options = Options.parse(args.subList(1, args.size()), command);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("See: kms-tag-manager tags " + (Options.COMMANDS.contains(command) ? command + " " : "")
                    + "--help");
            return EXIT_ERROR;
        }
        if (options.help()) {
            out.print(CommandHelp.of(command));
            return EXIT_OK;
        }
        try {
            return switch (command) {
                case "export" -> export(options, out, err);
                case "plan" -> plan(options, out, err);
                case "apply" -> apply(options, out, err);
                default -> throw new IllegalStateException(command);
            };
        } catch (KmsAccessException | AwsConfigException | IllegalArgumentException | StoreException e) {
            // A store failure is the bundled backend's data file: its sentence names the file.
            err.println(e.getMessage());
            return EXIT_ERROR;
        } catch (IOException e) {
            err.println("Cannot write or read: " + e.getMessage());
            return EXIT_ERROR;
        }
    }

    private static boolean asksForCompliance(TagQuery query) {
        return query.terms().stream().anyMatch(TagQuery.ComplianceTerm.class::isInstance);
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private CommandConnection connect(Options options) throws IOException {
        return CommandConnection.open(options, environment, home, bundledBackend);
    }

    private int export(Options options, PrintStream out, PrintStream err) throws IOException {
        TagQuery query;
        try {
            query = TagQuery.parse(options.filter());
        } catch (TagQueryException e) {
            err.println(e.getMessage());
            return EXIT_ERROR;
        }
        InventoryLoader.Loaded loaded;
        Predicate<List<Tag>> complies = tags -> true;
        try (CommandConnection connection = connect(options)) {
            List<String> regions = options.allRegions() ? connection.allRegions()
                    : List.of(connection.defaultRegion());
            AtomicInteger done = new AtomicInteger();
            Consumer<String> progress = options.allRegions()
                    ? region -> err.println("Read " + region + " (" + done.incrementAndGet() + " of " + regions.size()
                            + " regions)")
                    : region -> { };
            loaded = new InventoryLoader(connection).load(regions, progress);
            if (asksForCompliance(query)) {
                Optional<PolicyReport.Source> source = new PolicyReport(out, err).policy(options.tagPolicy(),
                        connection);
                if (source.isEmpty()) {
                    err.println("The filter asks whether keys comply with the tag policy, and there is none to"
                            + " check against.");
                    return EXIT_ERROR;
                }
                complies = source.get().policy()::complies;
            }
        }
        Predicate<List<Tag>> policy = complies;
        List<InventoryEntry> all = loaded.entries();
        List<InventoryEntry> shown = all.stream().filter(entry -> query.matches(entry.key(), entry.tags(), policy))
                .toList();
        if (!loaded.failures().isEmpty() && loaded.byRegion().isEmpty() && !options.allRegions()) {
            throw loaded.failures().values().iterator().next();
        }
        write(shown, options, out);
        reportRegionFailures(loaded, err);
        String where = options.allRegions()
                ? (loaded.byRegion().size() + " of " + (loaded.byRegion().size() + loaded.failures().size())
                        + " regions")
                : String.join(", ", loaded.byRegion().keySet());
        err.println("Exported " + shown.size() + " of " + all.size() + " keys ("
                + (loaded.account().isEmpty() ? "" : loaded.account() + ", ") + where + ")");
        return loaded.failures().isEmpty() ? EXIT_OK : EXIT_ERROR;
    }

    private static void write(List<InventoryEntry> entries, Options options, PrintStream out) throws IOException {
        if (options.output() == null) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new InventoryWriter().write(entries, options.format(), writer);
            writer.flush();
        } else {
            try (Writer writer = Files.newBufferedWriter(options.output(), StandardCharsets.UTF_8)) {
                new InventoryWriter().write(entries, options.format(), writer);
            }
        }
    }

    /** One line per region that could not be read, with KMS's reason. */
    private static void reportRegionFailures(InventoryLoader.Loaded loaded, PrintStream err) {
        loaded.failures().forEach((region, failure) -> err.println("Region " + region + " not read: "
                + failure.getMessage() + hint(failure, !loaded.byRegion().isEmpty())));
    }

    /** For credentials one region rejects while others accept them: a region the account has not enabled. */
    private static String hint(KmsAccessException failure, boolean othersAnswered) {
        return othersAnswered && failure.problem() == KmsProblem.INVALID_CREDENTIALS
                ? " (The other regions accept these credentials: KMS answers so in an opt-in region the account has"
                        + " not enabled.)"
                : "";
    }

    private int plan(Options options, PrintStream out, PrintStream err) throws IOException {
        Optional<InventoryFile> file = read(options.file(), err);
        if (file.isEmpty()) {
            return EXIT_ERROR;
        }
        try (CommandConnection connection = connect(options)) {
            FilePlanner.FilePlan plan = plan(connection, options, file.get(), out, err);
            PolicyReport report = new PolicyReport(out, err);
            int noncompliant = report.policy(options.tagPolicy(), connection)
                    .map(policy -> report.print(policy, plan.result().changes())).orElse(0);
            if (options.checkAccess() && !plan.result().changes().isEmpty()) {
                new AccessChangeReport(out, err).check(connection, plan.result().changes());
            }
            if (plan.hasErrors() || (options.failOnNoncompliant() && noncompliant > 0)) {
                return EXIT_ERROR;
            }
            return plan.result().changes().isEmpty() ? EXIT_OK : EXIT_CHANGES;
        }
    }

    private static Optional<InventoryFile> read(Path path, PrintStream err) throws IOException {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return Optional.of(new InventoryReader().read(reader));
        } catch (NoSuchFileException e) {
            err.println("No such file: " + path);
        } catch (InventoryReadException e) {
            err.println(path + ": " + e.getMessage());
            err.println("Nothing is applied from a file that cannot be read whole.");
        }
        return Optional.empty();
    }

    /** Plans the file and prints the plan, its problems and the regions that could not be read. */
    private static FilePlanner.FilePlan plan(CommandConnection connection, Options options, InventoryFile file,
                                             PrintStream out, PrintStream err) {
        FilePlanner.FilePlan plan = new FilePlanner(connection,
                new ImportOptions(options.emptyCellsRemove(), options.onlyAdd()), FilePlanner.of(options))
                .plan(file, region -> { });
        new PlanPrinter(out).print(plan.result(), plan.spansRegions());
        plan.regionFailures().forEach((region, failure) -> err.println("Region " + region + " not read: "
                + failure.getMessage() + hint(failure, !plan.regions().isEmpty())));
        plan.result().problems().forEach(problem -> err.println(options.file() + ": " + problem.describe()));
        return plan;
    }

    /** The regions of the keys that change, in the order of the plan. */
    private static String regionsOf(List<KeyImportPlan> changes) {
        return changes.stream().map(change -> Arns.region(change.key().arn()).orElse("")).filter(r -> !r.isEmpty())
                .distinct().collect(Collectors.joining(", "));
    }

    /**
     * Whether the user confirmed: on the terminal, yes to the plan and, when it removes someone's access, yes once
     * more (unless --allow-access-loss answered that already); with --yes, a loss of access needs
     * --allow-access-loss too. Says on standard error why nothing is applied otherwise.
     */
    private boolean confirmed(Options options, CommandConnection connection, List<KeyImportPlan> changes,
                              AccessChangeReport accessReport, AccessChangeReport.Found access, PrintStream err) {
        boolean lossToConfirm = access.removesAccess() && !options.allowAccessLoss();
        if (options.yes()) {
            if (lossToConfirm) {
                err.println(accessReport.refusedLoss(access));
                return false;
            }
            return true;
        }
        Optional<Boolean> confirmed = confirmation.ask("Apply these changes to " + changes.size() + " keys ("
                + connection.describe() + ", " + regionsOf(changes) + ")? Only yes applies them: ");
        if (confirmed.isEmpty()) {
            err.println("Nothing was applied: tags apply asks before it writes, and there is no terminal to ask on."
                    + " Pass --yes to apply without asking (in scripts and CI).");
            return false;
        }
        if (confirmed.get() && lossToConfirm) {
            confirmed = confirmation.ask(accessReport.confirmLoss(access));
        }
        if (!confirmed.orElse(false)) {
            err.println("Nothing was applied.");
            return false;
        }
        return true;
    }

    private int apply(Options options, PrintStream out, PrintStream err) throws IOException {
        Optional<InventoryFile> file = read(options.file(), err);
        if (file.isEmpty()) {
            return EXIT_ERROR;
        }
        try (Interruption interruption = Interruption.listen();
             CommandConnection connection = connect(options)) {
            FilePlanner.FilePlan plan = plan(connection, options, file.get(), out, err);
            if (plan.hasErrors()) {
                err.println("Nothing was applied: the file has rows that cannot be applied. Fix or remove them"
                        + " (see above), then run tags apply again.");
                return EXIT_ERROR;
            }
            ImportResult result = plan.result();
            List<KeyImportPlan> changes = result.changes();
            if (changes.isEmpty()) {
                return EXIT_OK;
            }
            PolicyReport report = new PolicyReport(out, err);
            int noncompliant = report.policy(options.tagPolicy(), connection)
                    .map(policy -> report.print(policy, changes)).orElse(0);
            if (options.failOnNoncompliant() && noncompliant > 0) {
                err.println("Nothing was applied: " + noncompliant + (noncompliant == 1 ? " changed key" : " changed"
                        + " keys") + " would not comply with the tag policy, and --fail-on-noncompliant was given.");
                return EXIT_ERROR;
            }
            AccessChangeReport accessReport = new AccessChangeReport(out, err);
            AccessChangeReport.Found access = options.checkAccess() ? accessReport.check(connection, changes)
                    : AccessChangeReport.Found.NOTHING;
            if (!confirmed(options, connection, changes, accessReport, access, err)) {
                return EXIT_ERROR;
            }
            Optional<BulkResult> applied = new BulkApply(connection, options.quotas(), err)
                    .apply(changes, interruption);
            if (applied.isEmpty()) {
                err.println("Stopped by a signal before anything was written.");
                return EXIT_ERROR;
            }
            boolean whole = new ApplyReport(out, err, "tags apply " + options.file())
                    .print(changes, applied.get(), interruption.wasSignalled());
            accessReport.printDelay(access, applied.get());
            return whole ? EXIT_OK : EXIT_ERROR;
        }
    }
}
