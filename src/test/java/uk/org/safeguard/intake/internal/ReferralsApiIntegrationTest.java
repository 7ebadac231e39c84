package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.org.safeguard.audit.internal.AuditVerifier;
import uk.org.safeguard.intake.SubmissionKind;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.support.IntegrationTest;

/** The partner API end to end, against a real PostgreSQL. */
@IntegrationTest
class ReferralsApiIntegrationTest {

    static final String TOWER_HAMLETS = "E09000030";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CreateApiClientCommand command;

    @Autowired
    Submissions submissions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditVerifier verifier;

    ApiTestClient api() {
        return new ApiTestClient(port);
    }

    /** Creates a client through the admin command, checks the key is its last line, and returns the key. */
    String newClient(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(AdminArguments.parse(List.of("--name", name)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    @Test
    void theAdminCommandPrintsAKeyLastAndStoresOnlyItsHash() {
        String key = newClient("Example Academy MIS");
        assertThat(key).matches("sgk_[A-Za-z0-9_-]{43}");
        Map<String, Object> row = jdbc.sql("SELECT * FROM intake_api_client WHERE name = 'Example Academy MIS'")
                .query().singleRow();
        assertThat((String) row.get("key_hash")).doesNotContain(key).doesNotContain(key.substring(4));
        assertThat(row.get("disabled")).isEqualTo(false);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'api-client.created' AND record_id = :id")
                .param("id", row.get("id").toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(newClient("Another")).isNotEqualTo(key);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(command.run(AdminArguments.parse(List.of()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--name is required");
    }

    @Test
    void aReferralIsCreatedRoutedByPostcodeStoredEncryptedAndAudited() {
        String key = newClient("Create test");
        String name = "Zoë O'Brien-محمد 👩🏽‍💻 e\u0301";
        HttpResponse<String> response = api().post("/api/v1/referrals", key, null, ApiTestClient.referral(name, "E1 6AA"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        String reference = body.get("reference").asString();
        assertThat(reference).matches("SG-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}");
        assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/referrals/" + reference);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();

        Map<String, Object> row = jdbc.sql("SELECT * FROM intake_submission WHERE reference = :r").param("r", reference)
                .query().singleRow();
        assertThat(row.get("kind")).isEqualTo("REFERRAL");
        assertThat(row.get("channel")).isEqualTo("PARTNER_API");
        assertThat(row.get("borough_code")).isEqualTo(TOWER_HAMLETS);
        assertThat(row.get("language")).isEqualTo("en");
        assertThat(row.get("status")).isEqualTo("RECEIVED");
        assertThat(row.get("follow_up_hash")).isNull();
        assertThat(row.get("routed_at")).isNotNull();
        assertThat(((Number) row.get("api_client_id")).longValue()).isEqualTo(clientId("Create test"));
        byte[] details = (byte[]) row.get("details");
        String raw = new String(details, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Brien").doesNotContain("Sam Teacher").doesNotContain("extremist");
        ReferralDetails stored = submissions.details((UUID) row.get("id"), SubmissionKind.REFERRAL, details,
                ReferralDetails.class);
        assertThat(stored.person().fullName()).isEqualTo(name);
        assertThat(stored.indicators()).containsExactly("extremist-material", "changed-behaviour");

        assertThat(jdbc.sql("SELECT actor FROM audit_entry WHERE action = 'intake.submitted' AND record_id = :r")
                .param("r", reference).query(String.class).single()).isEqualTo("api-client:" + clientId("Create test"));
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void aReferralOutsideLondonGoesToTheCityWideQueue() {
        String key = newClient("Routing test");
        HttpResponse<String> response = api().post("/api/v1/referrals", key, null, ApiTestClient.referral("A", "M1 1AE"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String reference = JSON.readTree(response.body()).get("reference").asString();
        assertThat(jdbc.sql("SELECT borough_code FROM intake_submission WHERE reference = :r").param("r", reference)
                .query().singleRow().get("borough_code")).isNull();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() {
        String key = newClient("Retry test");
        String idempotencyKey = UUID.randomUUID().toString();
        String json = ApiTestClient.referral("Retry Person", "E1 6AA");
        HttpResponse<String> first = api().post("/api/v1/referrals", key, idempotencyKey, json);
        HttpResponse<String> second = api().post("/api/v1/referrals", key, idempotencyKey, json);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(countFor("Retry test")).isEqualTo(1);

        // Another client may use the same key for its own referral.
        String other = newClient("Retry test other");
        HttpResponse<String> theirs = api().post("/api/v1/referrals", other, idempotencyKey, json);
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(theirs.body()).isNotEqualTo(first.body());
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String key = newClient("Reuse test");
        String idempotencyKey = "order-" + UUID.randomUUID();
        assertThat(api().post("/api/v1/referrals", key, idempotencyKey, ApiTestClient.referral("One", "E1 6AA"))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> reused = api().post("/api/v1/referrals", key, idempotencyKey,
                ApiTestClient.referral("Two", "E1 6AA"));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(reused.body()).get("status").asInt()).isEqualTo(422);
        assertThat(countFor("Reuse test")).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneReferral() throws Exception {
        String key = newClient("Concurrency test");
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                String idempotencyKey = UUID.randomUUID().toString();
                String json = ApiTestClient.referral("Concurrent " + round, "E1 6AA");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    answers.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                        start.await();
                        return api().post("/api/v1/referrals", key, idempotencyKey, json);
                    }));
                }
                start.countDown();
                Set<String> bodies = new java.util.HashSet<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get();
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    bodies.add(response.body());
                }
                assertThat(bodies).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(countFor("Concurrency test")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM intake_api_idempotency WHERE api_client_id = :c")
                .param("c", clientId("Concurrency test")).query(Long.class).single()).isEqualTo(3);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void manyConcurrentReferralsAreEachStoredOnceAndTheAuditChainStaysIntact() throws Exception {
        String key = newClient("Load test");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String idempotencyKey = "load-" + i;
                answers.add(pool.submit(() -> api().post("/api/v1/referrals", key, idempotencyKey,
                        ApiTestClient.referral("Load", "E1 6AA"))));
            }
            Set<String> references = new java.util.HashSet<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                references.add(JSON.readTree(response.body()).get("reference").asString());
            }
            assertThat(references).hasSize(100);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countFor("Load test")).isEqualTo(100);
        assertThat(verifier.verify(List.of()).intact()).isTrue();
    }

    @Test
    void anInvalidReferralIsRefusedNamingEachField() {
        String key = newClient("Validation test");
        String json = """
                {"person": {"fullName": "  ", "dateOfBirth": "2999-01-01"},
                 "referrer": {"fullName": "Sam", "organisation": "School", "role": "DSL", "email": "not-an-email",
                              "phone": "020 7946 0000"},
                 "relationship": "Teacher", "howConcernArose": "x", "indicators": ["made-up"], "fears": ""}""";
        HttpResponse<String> response = api().post("/api/v1/referrals", key, null, json);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        problem.get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("detail").asString()));
        assertThat(errors).containsOnly(
                Map.entry("person.fullName", "Enter the full name of the person you are referring"),
                Map.entry("person.dateOfBirth", "Date of birth must be in the past"),
                Map.entry("referrer.email", "Enter an email address in the correct format, like name@example.org"),
                Map.entry("indicators", "Select what you have seen or heard from the list"),
                Map.entry("fears", "Describe what you fear may happen"));
        assertThat(countFor("Validation test")).isZero();
    }

    @Test
    void malformedJsonAndWrongTypesAreRefusedNamingTheField() {
        String key = newClient("Malformed test");
        HttpResponse<String> notJson = api().post("/api/v1/referrals", key, null, "{\"person\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(notJson.body()).get("detail").asString()).isEqualTo("The request body is not valid JSON");

        HttpResponse<String> badDate = api().post("/api/v1/referrals", key, null,
                ApiTestClient.referral("A", "E1 6AA").replace("2009-04-01", "first of April"));
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(fields(badDate)).containsExactly("person.dateOfBirth");

        HttpResponse<String> badType = api().post("/api/v1/referrals", key, null,
                ApiTestClient.referral("A", "E1 6AA").replace("\"Teacher\"", "{\"a\": 1}"));
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(fields(badType)).containsExactly("relationship");

        HttpResponse<String> unknown = api().post("/api/v1/referrals", key, null,
                ApiTestClient.referral("A", "E1 6AA").replace("\"fears\"", "\"fear\""));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("fear");

        HttpResponse<String> badKey = api().post("/api/v1/referrals", key, "x".repeat(201), ApiTestClient.referral("A", "E1 6AA"));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(fields(badKey)).containsExactly("Idempotency-Key");
        assertThat(countFor("Malformed test")).isZero();
    }

    @Test
    void withoutAKeyOrWithAWrongOneTheAnswerIs401() {
        String json = ApiTestClient.referral("A", "E1 6AA");
        for (String key : new String[] {null, "sgk_" + "A".repeat(43), "not-a-key"}) {
            HttpResponse<String> response = api().post("/api/v1/referrals", key, null, json);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(401);
        }
        assertThat(api().get("/api/v1/referrals/SG-2345-6789", null).statusCode()).isEqualTo(401);
        // A disabled client's key no longer works (once it is no longer remembered).
        String key = newClient("Disabled test");
        assertThat(api().post("/api/v1/referrals", key, null, json).statusCode()).isEqualTo(201);
        jdbc.sql("UPDATE intake_api_client SET disabled = TRUE WHERE id = :id").param("id", clientId("Disabled test")).update();
        clients.forget();
        assertThat(api().post("/api/v1/referrals", key, null, json).statusCode()).isEqualTo(401);
    }

    @Autowired
    ApiClients clients;

    @Test
    void aClientReadsTheStatusOfItsOwnReferralsOnly() {
        String key = newClient("Status test");
        String other = newClient("Status test other");
        HttpResponse<String> created = api().post("/api/v1/referrals", key, null, ApiTestClient.referral("A", "E1 6AA"));
        String location = created.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> status = api().get(location, key);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(status.body());
        String reference = JSON.readTree(created.body()).get("reference").asString();
        assertThat(body.get("reference").asString()).isEqualTo(reference);
        assertThat(body.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(body.get("submittedAt").asString()).isNotBlank();
        assertThat(body.get("history")).hasSize(1);
        assertThat(body.get("history").get(0).get("status").asString()).isEqualTo("RECEIVED");

        // A later change shows in the history.
        jdbc.sql("""
                INSERT INTO intake_status_update (submission_id, status, at, actor)
                SELECT id, 'BEING_LOOKED_AT', submitted_at + interval '1 hour', 'account:1' FROM intake_submission
                WHERE reference = :r""").param("r", reference).update();
        jdbc.sql("UPDATE intake_submission SET status = 'BEING_LOOKED_AT' WHERE reference = :r").param("r", reference).update();
        JsonNode later = JSON.readTree(api().get(location, key).body());
        assertThat(later.get("status").asString()).isEqualTo("BEING_LOOKED_AT");
        assertThat(later.get("history")).hasSize(2);
        assertThat(later.get("history").get(1).get("status").asString()).isEqualTo("BEING_LOOKED_AT");

        for (HttpResponse<String> notFound : List.of(api().get(location, other),
                api().get("/api/v1/referrals/SG-2345-6789", key), api().get("/api/v1/referrals/nonsense", key))) {
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(notFound.body()).doesNotContain(reference);
        }
    }

    @Test
    void theOpenApiDescriptionCoversTheApiWithItsRequiredFieldsAndErrors() {
        HttpResponse<String> response = new uk.org.safeguard.support.Http(port).get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        Set<String> paths = doc.get("paths").propertyNames().stream().collect(Collectors.toSet());
        assertThat(paths).containsExactlyInAnyOrder("/api/v1/referrals", "/api/v1/referrals/{reference}");

        JsonNode post = doc.get("paths").get("/api/v1/referrals").get("post");
        assertThat(post.get("responses").propertyNames()).contains("201", "400", "401", "422", "429");
        assertThat(post.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
        assertThat(post.get("responses").get("201").get("headers").has("Location")).isTrue();
        assertThat(texts(post.get("parameters"), "name")).contains("Idempotency-Key");
        assertThat(post.get("requestBody").get("required").asBoolean()).isTrue();
        JsonNode get = doc.get("paths").get("/api/v1/referrals/{reference}").get("get");
        assertThat(get.get("responses").propertyNames()).contains("200", "401", "404");

        JsonNode schemes = doc.get("components").get("securitySchemes");
        JsonNode scheme = schemes.get(schemes.propertyNames().iterator().next());
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(post.has("security") || doc.has("security")).isTrue();

        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(texts(schemas.get("ReferralDetails").get("required"), null)).containsExactlyInAnyOrder("person",
                "referrer", "relationship", "howConcernArose", "indicators", "fears");
        assertThat(texts(schemas.get("Person").get("required"), null)).containsExactly("fullName");
        assertThat(texts(schemas.get("Referrer").get("required"), null)).containsExactlyInAnyOrder("fullName",
                "organisation", "role", "email", "phone");
        assertThat(schemas.get("Person").get("properties").get("dateOfBirth").get("format").asString()).isEqualTo("date");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(field == null ? n.asString() : n.get(field).asString()));
        }
        return out;
    }

    private static List<String> fields(HttpResponse<String> response) {
        return texts(JSON.readTree(response.body()).get("errors"), "field");
    }

    private long clientId(String name) {
        return jdbc.sql("SELECT id FROM intake_api_client WHERE name = :n").param("n", name).query(Long.class).single();
    }

    private long countFor(String clientName) {
        return jdbc.sql("SELECT count(*) FROM intake_submission WHERE api_client_id = :c")
                .param("c", clientId(clientName)).query(Long.class).single();
    }
}
