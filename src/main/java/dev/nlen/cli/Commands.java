package dev.nlen.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * Runs a picocli command the way every main here does: defaults from the server's configuration, {@code --help}
 * and {@code --version}, and every error in one line on stderr ({@code name: message}), exit 2 for usage, 1 else.
 */
final class Commands {

    private Commands() {
    }

    static int execute(Object command, String... args) {
        return execute(command, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), args);
    }

    static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
        Logger.getLogger("").setLevel(Level.WARNING);
        CommandLine line = new CommandLine(command).setDefaultValueProvider(new ConfigDefaults()).setOut(out)
                .setErr(err);
        String name = line.getCommandName();
        line.setParameterExceptionHandler((e, arguments) -> {
            line.getErr().println(name + ": " + e.getMessage() + " (see " + name + " --help)");
            return 2;
        });
        line.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            boolean usage = e instanceof UsageException;
            commandLine.getErr().println(name + ": " + oneLine(e) + (usage ? " (see " + name + " --help)" : ""));
            return usage ? 2 : 1;
        });
        return line.execute(args);
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
