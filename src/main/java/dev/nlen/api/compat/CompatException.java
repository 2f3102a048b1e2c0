package dev.nlen.api.compat;

/** A refused compat request: the HTTP status and a message naming the field and, where one applies, the limit. */
public final class CompatException extends RuntimeException {

    private final int status;

    public CompatException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static CompatException badRequest(String message) {
        return new CompatException(400, message);
    }

    public static CompatException tooLarge(String message) {
        return new CompatException(413, message);
    }
}
