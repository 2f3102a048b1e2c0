package dev.nlen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Option defaults from the server's configuration: an option whose {@code descriptionKey} is a config key
 * ({@code translator.model.dir}) defaults, as in the server, to the system property, then the environment variable
 * by MicroProfile's rule ({@code TRANSLATOR_MODEL_DIR}), then application.properties; else the option's own default.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

    private final Properties properties = new Properties();

    ConfigDefaults() {
        try (InputStream in = ConfigDefaults.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        String key = argument instanceof CommandLine.Model.OptionSpec option ? option.descriptionKey() : null;
        if (key == null || !key.startsWith("translator.")) {
            return null;
        }
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value != null ? value : properties.getProperty(key);
    }
}
