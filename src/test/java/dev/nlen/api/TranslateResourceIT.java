package dev.nlen.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API documentation, run against the packaged application (target/quarkus-app) in its own process. */
@QuarkusIntegrationTest
class TranslateResourceIT extends TranslateResourceTest {
}
