package dev.nlen.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Renders deploy/k8s with {@code kubectl kustomize} and checks it against the application: probe paths are the
 * health endpoints this application serves (and they answer), ports are the one it listens on, the Service, the
 * PodDisruptionBudget and the HorizontalPodAutoscaler point at the Deployment, the model volume the init container
 * fills is the folder the service reads. Skipped with a message where kubectl is not installed.
 */
@QuarkusTest
class KubernetesManifestsTest {

    private static List<JsonNode> documents;

    @BeforeAll
    static void render() throws IOException, InterruptedException {
        ScriptProcess.assumeTools("kubectl");
        Process process = new ProcessBuilder("kubectl", "kustomize", "deploy/k8s").redirectErrorStream(true).start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, process.exitValue(), yaml);
        documents = new ArrayList<>();
        new YAMLMapper().readerFor(JsonNode.class).readValues(yaml).forEachRemaining(d -> documents.add((JsonNode) d));
    }

    @Test
    void probesAreTheHealthEndpointsOfTheApplicationAndTheyAnswer() {
        JsonNode container = translator();
        String ready = healthPath("readiness-path", "ready");
        String live = healthPath("liveness-path", "live");
        assertEquals(ready, container.at("/readinessProbe/httpGet/path").asText());
        assertEquals(live, container.at("/livenessProbe/httpGet/path").asText());
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
            assertEquals(appPort(), resolvePort(container, container.at("/" + probe + "/httpGet/port")), probe);
        }
    }

    @Test
    void containerAndServicePortsAreThePortTheApplicationListensOn() throws IOException {
        JsonNode container = translator();
        assertEquals(appPort(), resolvePort(container, container.at("/ports/0/name")));
        Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)").matcher(
                Files.readString(Path.of("src/main/docker/Dockerfile.jvm")));
        assertTrue(expose.find());
        assertEquals(appPort(), Integer.parseInt(expose.group(1)), "Dockerfile.jvm EXPOSE");
        JsonNode service = only("Service");
        assertEquals(appPort(), resolvePort(container, service.at("/spec/ports/0/targetPort")));
    }

    @Test
    void serviceBudgetAndAutoscalerPointAtTheDeployment() {
        JsonNode deployment = only("Deployment");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        JsonNode selector = deployment.at("/spec/selector/matchLabels");
        assertFalse(selector.isEmpty(), "the Deployment selects its pods by label");
        selector.properties().forEach(e -> assertEquals(e.getValue(), podLabels.get(e.getKey()), e.getKey()));
        only("Service").at("/spec/selector").properties()
                .forEach(e -> assertEquals(e.getValue(), podLabels.get(e.getKey()), "Service " + e.getKey()));
        only("PodDisruptionBudget").at("/spec/selector/matchLabels").properties()
                .forEach(e -> assertEquals(e.getValue(), podLabels.get(e.getKey()), "PDB " + e.getKey()));
        assertTrue(only("PodDisruptionBudget").at("/spec/minAvailable").asInt() >= 1);
        JsonNode hpa = only("HorizontalPodAutoscaler");
        assertEquals("Deployment", hpa.at("/spec/scaleTargetRef/kind").asText());
        assertEquals(deployment.at("/metadata/name"), hpa.at("/spec/scaleTargetRef/name"));
        assertTrue(hpa.at("/spec/minReplicas").asInt() >= 2, "at least two replicas, so one can go");
    }

    @Test
    void initContainerDownloadsTheModelIntoTheFolderTheServiceReads() {
        JsonNode pod = only("Deployment").at("/spec/template/spec");
        JsonNode init = pod.at("/initContainers/0");
        JsonNode container = translator();
        String modelDir = env(container, "TRANSLATOR_MODEL_DIR");
        List<String> args = new ArrayList<>();
        init.at("/args").forEach(a -> args.add(a.asText()));
        assertEquals(modelDir, args.get(args.indexOf("--dest") + 1), "download-model.sh --dest");
        assertEquals(mountOf(init, modelDir), mountOf(container, modelDir), "one volume, written by the init container");
        assertTrue(pod.findValues("emptyDir").size() + pod.findValues("persistentVolumeClaim").size() > 0);
        JsonNode config = only("ConfigMap");
        assertTrue(config.at("/data/HF_ENDPOINT").isTextual(), "HF_ENDPOINT is configurable");
        assertEquals(config.at("/metadata/name"), init.at("/envFrom/0/configMapRef/name"));
    }

    @Test
    void resourcesAreRequestedAndMemoryIsLimited() {
        JsonNode resources = translator().at("/resources");
        assertTrue(resources.at("/requests/memory").isTextual(), "memory request");
        assertTrue(resources.at("/requests/cpu").isTextual(), "CPU request (the autoscaler's utilisation base)");
        assertTrue(resources.at("/limits/memory").isTextual(), "memory limit");
    }

    private static JsonNode translator() {
        for (JsonNode c : only("Deployment").at("/spec/template/spec/containers")) {
            if (c.at("/name").asText().equals("translator")) {
                return c;
            }
        }
        throw new AssertionError("no container named translator");
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found = documents.stream().filter(d -> d.at("/kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.getFirst();
    }

    /** A probe or Service port: a number, or the name of a container port. */
    private static int resolvePort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.at("/ports")) {
            if (p.at("/name").asText().equals(port.asText())) {
                return p.at("/containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + port);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode e : container.at("/env")) {
            if (e.at("/name").asText().equals(name)) {
                return e.at("/value").asText();
            }
        }
        throw new AssertionError("no env " + name);
    }

    private static String mountOf(JsonNode container, String path) {
        for (JsonNode m : container.at("/volumeMounts")) {
            if (m.at("/mountPath").asText().equals(path)) {
                return m.at("/name").asText();
            }
        }
        throw new AssertionError(container.at("/name").asText() + " does not mount " + path);
    }

    /** The health path as this application's configuration makes it (Quarkus' defaults: /q/health/ready, /live). */
    private static String healthPath(String key, String fallback) {
        var config = ConfigProvider.getConfig();
        String root = config.getOptionalValue("quarkus.http.non-application-root-path", String.class).orElse("q");
        String health = config.getOptionalValue("quarkus.smallrye-health.root-path", String.class).orElse("health");
        String leaf = config.getOptionalValue("quarkus.smallrye-health." + key, String.class).orElse(fallback);
        return ("/" + root + "/" + health + "/" + leaf).replaceAll("/+", "/");
    }

    /** The production port: quarkus.http.port in application.properties, else Quarkus' 8080. */
    private static int appPort() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port", "8080"));
    }
}
