package dev.nlen.batching;

/** What a worker should do next, as decided by {@link BatchQueue#next}. */
sealed interface Next<K, T, R> {

    /** Run this batch now. */
    record Ready<K, T, R>(Batch<K, T, R> batch) implements Next<K, T, R> { }

    /** Items are pending but none may run yet: wait this long (or until new items arrive) and ask again. */
    record WaitFor<K, T, R>(long nanos) implements Next<K, T, R> { }

    /** Nothing pending: wait until new items arrive. */
    record Idle<K, T, R>() implements Next<K, T, R> { }
}
