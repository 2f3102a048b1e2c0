package dev.nlen.translation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A request is checked against its client's share once: its later submissions (HTML phrases) are not refused. */
class RequestClientTest {

    @Test
    void onlyTheFirstSubmissionOfABoundCallIsTheClients() {
        assertEquals(Optional.empty(), RequestClient.claim());
        RequestClient.call("key:abc", () -> {
            assertEquals(Optional.of("key:abc"), RequestClient.claim());
            assertEquals(Optional.empty(), RequestClient.claim());
            return null;
        });
        RequestClient.call("key:abc", () -> {
            assertEquals(Optional.of("key:abc"), RequestClient.claim(), "a new call claims anew");
            return null;
        });
        assertEquals(Optional.empty(), RequestClient.claim());
    }
}
