package dev.nlen.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** loading → ready | failed with the reason, closed at shutdown; whatever fails, what was opened is closed. */
class ModelLifecycleTest {

    /** Stands for the sessions, tokenizer and workers a load opens. */
    private static final class Resources implements AutoCloseable {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    private final ModelLifecycle<Resources> lifecycle = new ModelLifecycle<>();

    @Test
    void startsLoadingAndEndsReadyWithWhatItOpened() throws Exception {
        assertInstanceOf(ModelLifecycle.Loading.class, lifecycle.state());
        Resources resources = new Resources();
        var ready = assertInstanceOf(ModelLifecycle.Ready.class, lifecycle.load(() -> resources, r -> { }));
        assertSame(resources, ready.resources());
        lifecycle.close();
        assertEquals(1, resources.closed.get());
        assertInstanceOf(ModelLifecycle.Closed.class, lifecycle.state());
    }

    @Test
    void aLoaderFailingWithAnErrorStillEndsNotReadyWithTheReason() {
        var failed = assertInstanceOf(ModelLifecycle.Failed.class, lifecycle.load(() -> {
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
        }, r -> { }));
        assertEquals("no onnxruntime in java.library.path", failed.reason());
        assertSame(failed, lifecycle.state());
    }

    @Test
    void anErrorWithoutAMessageIsNamedByItsKind() {
        var failed = assertInstanceOf(ModelLifecycle.Failed.class, lifecycle.load(() -> {
            throw new NoClassDefFoundError();
        }, r -> { }));
        assertEquals("NoClassDefFoundError", failed.reason());
    }

    @Test
    void aFailedWarmUpClosesWhatWasOpened() {
        Resources resources = new Resources();
        var failed = assertInstanceOf(ModelLifecycle.Failed.class, lifecycle.load(() -> resources, r -> {
            throw new IllegalStateException("warm-up: ONNX Runtime rejected the input");
        }));
        assertEquals("warm-up: ONNX Runtime rejected the input", failed.reason());
        assertEquals(1, resources.closed.get());
    }

    @Test
    void aShutdownDuringLoadingClosesWhatTheLoadOpensAndStaysClosed() throws Exception {
        Resources resources = new Resources();
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch shutDown = new CountDownLatch(1);
        Thread loader = Thread.ofPlatform().start(() -> lifecycle.load(() -> {
            opening.countDown();
            assertTrue(shutDown.await(5, TimeUnit.SECONDS));
            return resources;
        }, r -> { }));
        assertTrue(opening.await(5, TimeUnit.SECONDS));
        lifecycle.close();
        shutDown.countDown();
        loader.join(5_000);
        assertEquals(1, resources.closed.get());
        assertInstanceOf(ModelLifecycle.Closed.class, lifecycle.state());
    }
}
