package dev.kmstags.cli;

import dev.kmstags.inventory.ExportFormat;
import java.nio.file.Path;
import java.util.List;

/** The options of {@code tags export} and {@code tags plan}. */
record Options(boolean help, String profile, String region, ExportFormat format, String filter, Path output,
               Path file, boolean emptyCellsRemove, boolean onlyAdd) {

    static Options parse(List<String> args, String command) {
        if (!command.equals("export") && !command.equals("plan")) {
            throw new IllegalArgumentException("Unknown command: tags " + command);
        }
        boolean help = false;
        String profile = null;
        String region = null;
        ExportFormat format = ExportFormat.CSV;
        String filter = "";
        Path output = null;
        Path file = null;
        boolean emptyCellsRemove = false;
        boolean onlyAdd = false;
        boolean export = command.equals("export");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--profile" -> profile = value(args, ++i, arg);
                case "--region" -> region = value(args, ++i, arg);
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
                default -> {
                    if (arg.startsWith("-") || export || file != null) {
                        throw new IllegalArgumentException("Unknown argument: " + arg);
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (!help && !export && file == null) {
            throw new IllegalArgumentException("tags plan needs the FILE to plan");
        }
        return new Options(help, profile, region, format, filter, output, file, emptyCellsRemove, onlyAdd);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static void requireFor(boolean allowed, String option) {
        if (!allowed) {
            throw new IllegalArgumentException("Unknown argument: " + option);
        }
    }
}
