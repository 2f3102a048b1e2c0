package dev.nlen.model;

/**
 * One owner for one native result (an ONNX Runtime {@code Result}, or encoder states): the tensor groups that read
 * from it each hold one reference, and the last {@link #release} closes it, in this one place.
 */
final class SharedResult {

    private final AutoCloseable resource;
    private int references;

    SharedResult(AutoCloseable resource, int references) {
        if (references < 1) {
            throw new IllegalArgumentException("a shared result needs at least one reference");
        }
        this.resource = resource;
        this.references = references;
    }

    void release() {
        if (references <= 0) {
            throw new IllegalStateException("released more often than referenced");
        }
        if (--references == 0) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("releasing native tensors failed", e);
            }
        }
    }
}
