package dev.kmstags.cli;

import dev.kmstags.domain.Arns;
import dev.kmstags.domain.KeySummary;
import dev.kmstags.domain.KeyTags;
import dev.kmstags.domain.TagQuery;
import dev.kmstags.domain.TagQueryException;
import dev.kmstags.inventory.ExportFormat;
import dev.kmstags.inventory.ImportOptions;
import dev.kmstags.inventory.ImportResult;
import dev.kmstags.inventory.InventoryEntry;
import dev.kmstags.inventory.InventoryFile;
import dev.kmstags.inventory.InventoryImport;
import dev.kmstags.inventory.InventoryReadException;
import dev.kmstags.inventory.InventoryReader;
import dev.kmstags.inventory.InventoryWriter;
import dev.kmstags.kms.KeyCatalog;
import dev.kmstags.kms.KmsAccessException;
import dev.kmstags.kms.KmsConnection;
import dev.kmstags.kms.KmsSession;
import dev.kmstags.local.BackendOptions;
import dev.kmstags.local.LocalKmsBackend;
import dev.kmstags.profiles.AwsConfigException;
import dev.kmstags.profiles.AwsEnvironment;
import dev.kmstags.profiles.AwsSetup;
import dev.kmstags.profiles.ConnectionTarget;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code kms-tag-manager tags export|plan}: the inventory from a script. Connects as the app does: a profile of the
 * AWS config files ({@code --profile}), or, without one, the bundled backend on the app's data file. Needs no
 * JavaFX.
 */
public final class TagsCommand {

    /** Nothing to do (plan), or the command succeeded. */
    public static final int EXIT_OK = 0;
    /** Errors: a bad argument, a file that cannot be read, rows that cannot be applied, KMS refused. */
    public static final int EXIT_ERROR = 1;
    /** The plan has changes ({@code terraform plan -detailed-exitcode}). */
    public static final int EXIT_CHANGES = 2;

    private final AwsEnvironment environment;
    private final Path home;
    private final Supplier<BackendOptions> bundledBackend;

    /**
     * @param environment    the process environment, for the AWS config files and credentials
     * @param home           the user's home folder, where {@code ~/.aws} is
     * @param bundledBackend the bundled backend to start when no profile is given
     */
    public TagsCommand(AwsEnvironment environment, Path home, Supplier<BackendOptions> bundledBackend) {
        this.environment = environment;
        this.home = home;
        this.bundledBackend = bundledBackend;
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
            err.println("See: kms-tag-manager tags " + command + " --help");
            return EXIT_ERROR;
        }
        if (options.help()) {
            out.print(command.equals("export") ? CommandHelp.EXPORT : CommandHelp.PLAN);
            return EXIT_OK;
        }
        try {
            return switch (command) {
                case "export" -> export(options, out, err);
                case "plan" -> plan(options, out, err);
                default -> throw new IllegalStateException(command);
            };
        } catch (KmsAccessException | AwsConfigException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return EXIT_ERROR;
        } catch (IOException e) {
            err.println("Cannot write or read: " + e.getMessage());
            return EXIT_ERROR;
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    private int export(Options options, PrintStream out, PrintStream err) throws IOException {
        TagQuery query;
        try {
            query = TagQuery.parse(options.filter());
        } catch (TagQueryException e) {
            err.println(e.getMessage());
            return EXIT_ERROR;
        }
        Inventory inventory = load(options);
        List<InventoryEntry> shown = inventory.entries().stream()
                .filter(entry -> query.matches(entry.key(), entry.tags())).toList();
        if (options.output() == null) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            new InventoryWriter().write(shown, options.format(), writer);
            writer.flush();
        } else {
            try (Writer writer = Files.newBufferedWriter(options.output(), StandardCharsets.UTF_8)) {
                new InventoryWriter().write(shown, options.format(), writer);
            }
        }
        err.println("Exported " + shown.size() + " of " + inventory.entries().size() + " keys ("
                + inventory.account() + ", " + inventory.region() + ")");
        return EXIT_OK;
    }

    private int plan(Options options, PrintStream out, PrintStream err) throws IOException {
        InventoryFile file;
        try (Reader reader = Files.newBufferedReader(options.file(), StandardCharsets.UTF_8)) {
            file = new InventoryReader().read(reader);
        } catch (NoSuchFileException e) {
            err.println("No such file: " + options.file());
            return EXIT_ERROR;
        } catch (InventoryReadException e) {
            err.println(options.file() + ": " + e.getMessage());
            err.println("Nothing is applied from a file that cannot be read whole.");
            return EXIT_ERROR;
        }
        Inventory inventory = load(options);
        ImportResult result = new InventoryImport(inventory.account(), inventory.region(), inventory.entries(),
                new ImportOptions(options.emptyCellsRemove(), options.onlyAdd())).plan(file);
        new PlanPrinter(out).print(result);
        result.problems().forEach(problem -> err.println(options.file() + ": " + problem.describe()));
        if (!result.problems().isEmpty()) {
            return EXIT_ERROR;
        }
        return result.changes().isEmpty() ? EXIT_OK : EXIT_CHANGES;
    }

    /** Every key of the connection with its tags, read with the key list's loading. */
    private Inventory load(Options options) throws IOException {
        LocalKmsBackend backend = null;
        try {
            KmsConnection connection;
            if (options.profile() != null) {
                AwsSetup setup = AwsSetup.read(environment, home);
                ConnectionTarget target = new ConnectionTarget.Profile(options.profile());
                if (setup.profile(options.profile()).isEmpty()) {
                    throw new IllegalArgumentException("No profile named " + options.profile()
                            + " in the AWS config files");
                }
                String region = options.region() != null ? options.region() : setup.defaultRegion(target);
                connection = KmsConnection.profile(options.profile(), setup.files(), setup.kmsEndpoint(target),
                        region);
            } else {
                BackendOptions backendOptions = bundledBackend.get();
                backend = LocalKmsBackend.start(backendOptions);
                String region = options.region() != null ? options.region() : KmsConnection.DEFAULT_REGION;
                connection = KmsConnection.bundledBackend(backend.endpoint(), region, backendOptions.accessKey(),
                        backendOptions.secretKey());
            }
            try (KmsSession session = KmsSession.open(connection)) {
                List<InventoryEntry> entries = read(session.keyCatalog());
                String account = session.callerAccountId()
                        .or(() -> entries.stream().map(entry -> entry.account()).filter(a -> !a.isEmpty()).findFirst())
                        .orElse("");
                return new Inventory(account, connection.region(), entries);
            }
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    private static List<InventoryEntry> read(KeyCatalog catalog) {
        Map<String, KeySummary> keys = new LinkedHashMap<>();
        Map<String, KeyTags> tags = new HashMap<>();
        catalog.listKeys(new KeyCatalog.Listener() {
            @Override
            public void accept(List<KeySummary> described) {
                described.forEach(key -> keys.put(key.keyId(), key));
            }

            @Override
            public void tagsArrived(List<KeyTags> arrived) {
                arrived.forEach(keyTags -> tags.put(keyTags.keyId(), keyTags));
            }
        });
        List<InventoryEntry> entries = new ArrayList<>();
        keys.values().forEach(key -> entries.add(InventoryEntry.of(key,
                tags.getOrDefault(key.keyId(), KeyTags.read(key.keyId(), List.of())))));
        return entries;
    }

    /** The keys of one account and region. */
    private record Inventory(String account, String region, List<InventoryEntry> entries) {
        Inventory {
            if (account.isEmpty() && !entries.isEmpty()) {
                account = Arns.accountId(entries.get(0).key().arn()).orElse("");
            }
        }
    }
}
