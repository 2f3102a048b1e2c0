package dev.nlen.api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics, OpenAPI and model description of the packaged application. */
@QuarkusIntegrationTest
class ServiceEndpointsIT extends ServiceEndpointsTest {
}
