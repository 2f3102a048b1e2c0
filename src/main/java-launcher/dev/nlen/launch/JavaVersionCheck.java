package dev.nlen.launch;

/**
 * Runs before Quarkus' main in {@code java -jar quarkus-run.jar} (the jar's {@code Launcher-Agent-Class}):
 * compiled for Java 8 so that an older Java can load it and say in one line which Java the service needs,
 * instead of Quarkus exiting 1 silently when the first Java 25 class fails to load. Kept to Java 8 APIs.
 */
public final class JavaVersionCheck {

    static final int REQUIRED = 25;

    private JavaVersionCheck() {
    }

    public static void agentmain(String args) {
        int feature = feature(System.getProperty("java.specification.version", "0"));
        if (feature < REQUIRED) {
            System.err.println("error: the nl-en translator needs Java " + REQUIRED + " or newer; this is Java "
                    + System.getProperty("java.version") + " at " + System.getProperty("java.home")
                    + ". Set JAVA_HOME to a JDK " + REQUIRED + " (scripts/java-env.sh finds one in /usr/lib/jvm).");
            System.exit(1);
        }
    }

    /** "1.8" → 8, "17" → 17. */
    static int feature(String specification) {
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(s.substring(0, end));
    }
}
