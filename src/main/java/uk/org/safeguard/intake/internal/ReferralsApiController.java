package uk.org.safeguard.intake.internal;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.ObjectReader;
import uk.org.safeguard.intake.SubmissionKind;

/**
 * The partner API: {@code POST /api/v1/referrals} takes a professional referral from a partner's
 * safeguarding system and {@code GET /api/v1/referrals/{reference}} tells it the status of one of its
 * own. {@link ApiSecurityConfiguration} has checked the client's key and rate before these run. The
 * referral is validated by the same {@link ReferralRules} as the {@code /refer} form (errors name each
 * field by its dotted path, with the form's English message), routed by its postcode, and stored through
 * {@link ApiReferralWriter}; the 201 is sent only once it has committed.
 */
@ConditionalOnWebApplication
@RestController
@RequestMapping("/api/v1/referrals")
@Tag(name = "Referrals", description = "Professional referrals from partners' safeguarding systems")
@SecurityRequirement(name = OpenApiConfiguration.BEARER)
class ReferralsApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final long WAIT_SECONDS = 10;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectReader READER = JSON.readerFor(ReferralDetails.class);
    private static final HexFormat HEX = HexFormat.of();

    private final ApiReferralWriter writer;
    private final BoroughRouting routing;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Routed> routed = new java.util.concurrent.ConcurrentHashMap<>();
    private static final long ROUTING_CACHE_NANOS = TimeUnit.MINUTES.toNanos(10);

    ReferralsApiController(ApiReferralWriter writer, BoroughRouting routing, MessageSource messages, JdbcClient jdbc,
            Clock clock) {
        this.writer = writer;
        this.routing = routing;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The answer to a referral accepted (or to a retry of it). */
    @Schema(name = "ReferralReceipt")
    record Receipt(@Schema(example = "SG-7K4M-Q2XD", requiredMode = Schema.RequiredMode.REQUIRED) String reference,
            @Schema(example = "RECEIVED", requiredMode = Schema.RequiredMode.REQUIRED) String status) {
    }

    /** A referral's status and its history, oldest first. */
    @Schema(name = "ReferralStatus")
    record Status(@Schema(example = "SG-7K4M-Q2XD") String reference,
            @Schema(example = "RECEIVED", allowableValues = {"RECEIVED", "BEING_LOOKED_AT", "CLOSED_INFORMED",
                    "CLOSED_NO_ACTION"}) String status,
            Instant submittedAt, List<Change> history) {
    }

    /** One change of status. */
    @Schema(name = "StatusChange")
    record Change(String status, Instant at) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a referral", description = """
            Sends a professional referral (the fields of the national Prevent referral form). It is validated, \
            routed to the borough of the person's postcode (or to the city-wide triage queue) and stored before \
            the answer is sent. Send an Idempotency-Key to make retries safe: a retry with the same key and body \
            within 7 days gets the first answer again and never creates a second referral.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReferralDetails.class))),
            parameters = @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
                    description = "Your unique key for this referral (1 to 200 printable ASCII characters, "
                            + "a UUID for example), so that retries are safe",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 200)))
    @ApiResponse(responseCode = "201", description = "Stored (or, for a retry with the same Idempotency-Key and body, "
            + "stored before)", headers = @Header(name = HttpHeaders.LOCATION, description = "/api/v1/referrals/{reference}",
                    schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Receipt.class)))
    @ApiResponse(responseCode = "400", description = "The referral is not valid: errors names each invalid field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "401", description = "No valid API key", headers = @Header(name = HttpHeaders.WWW_AUTHENTICATE,
            schema = @Schema(type = "string", example = "Bearer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before with a different body",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests from this client",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait",
                    schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "503", description = "Too busy, or the database is unavailable: retry later with the "
            + "same Idempotency-Key", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<byte[]> create(@RequestBody(required = false) @Parameter(hidden = true) byte[] body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Parameter(hidden = true) String idempotencyKey,
            @Parameter(hidden = true) HttpServletRequest request) {
        ApiClients.ApiClient client = (ApiClients.ApiClient) request.getAttribute(ApiSecurityConfiguration.CLIENT_ATTRIBUTE);
        if (idempotencyKey != null && !validKey(idempotencyKey)) {
            return ApiProblem.invalid("The Idempotency-Key header is not valid", List.of(new ApiProblem.FieldError(
                    IDEMPOTENCY_KEY, "Send 1 to 200 printable ASCII characters, such as a UUID"))).response();
        }
        ReferralDetails referral;
        try {
            if (body == null || body.length == 0) {
                return ApiProblem.invalid("The request has no body: send the referral as JSON", List.of()).response();
            }
            referral = READER.readValue(body);
        } catch (JacksonException e) {
            return unreadable(e).response();
        }
        List<ReferralRules.Problem> problems = ReferralRules.check(referral, clock);
        if (!problems.isEmpty()) {
            List<ApiProblem.FieldError> errors = new ArrayList<>(problems.size());
            for (ReferralRules.Problem problem : problems) {
                errors.add(new ApiProblem.FieldError(problem.field(),
                        messages.getMessage(problem.messageKey(), null, Locale.ENGLISH)));
            }
            return ApiProblem.invalid("The referral is not valid: see errors", errors).response();
        }
        String borough = boroughOf(referral.person().postcode());
        NewSubmission submission = new NewSubmission(SubmissionKind.REFERRAL, Channel.PARTNER_API, borough, false, false,
                "en", referral, client.id(), false, false);
        CompletableFuture<ApiReferralWriter.Outcome> outcome = new CompletableFuture<>();
        if (!writer.offer(new ApiReferralWriter.Pending(client.id(), idempotencyKey,
                idempotencyKey == null ? null : sha256(body), submission, outcome))) {
            return busy();
        }
        ApiReferralWriter.Outcome result;
        try {
            result = outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy();
        }
        if (result instanceof ApiReferralWriter.Stored stored) {
            return ResponseEntity.created(URI.create("/api/v1/referrals/" + stored.reference()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(("{\"reference\":\"" + stored.reference() + "\",\"status\":\"RECEIVED\"}")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY,
                "This Idempotency-Key was used before with a different request body").response();
    }

    @GetMapping(path = "/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Read the status of one of your referrals")
    @ApiResponse(responseCode = "200", description = "The referral's status and history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Status.class)))
    @ApiResponse(responseCode = "401", description = "No valid API key",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "404", description = "No referral of yours has this reference",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests from this client",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ApiProblem.class)))
    ResponseEntity<byte[]> status(@PathVariable @Parameter(example = "SG-7K4M-Q2XD") String reference,
            @Parameter(hidden = true) HttpServletRequest request) {
        ApiClients.ApiClient client = (ApiClients.ApiClient) request.getAttribute(ApiSecurityConfiguration.CLIENT_ATTRIBUTE);
        String canonical = Codes.normaliseReference(reference);
        Optional<Status> found = canonical == null ? Optional.empty() : jdbc.sql("""
                SELECT id, reference, status, submitted_at FROM intake_submission
                WHERE reference = :reference AND api_client_id = :client AND kind = 'REFERRAL'""")
                .param("reference", canonical).param("client", client.id())
                .query((rs, n) -> new Object[] {rs.getObject(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()})
                .optional()
                .map(row -> new Status((String) row[1], (String) row[2], (Instant) row[3], jdbc.sql("""
                        SELECT status, at FROM intake_status_update WHERE submission_id = :id ORDER BY at, id""")
                        .param("id", row[0])
                        .query((rs, n) -> new Change(rs.getString(1), rs.getTimestamp(2).toInstant())).list()));
        if (found.isEmpty()) {
            return ApiProblem.of(HttpStatus.NOT_FOUND, "You have sent no referral with this reference").response();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ApiProblem.JSON.writeValueAsBytes(found.get()));
    }

    /**
     * The borough of a postcode ({@link BoroughRouting}), remembered for a while: partners send many
     * referrals from the same areas, and the look-up is a database query.
     */
    private String boroughOf(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return null;
        }
        String key = postcode.strip().toUpperCase(Locale.ROOT);
        long now = System.nanoTime();
        Routed known = routed.get(key);
        if (known != null && now - known.at() < ROUTING_CACHE_NANOS) {
            return known.borough();
        }
        String borough = routing.route(postcode, null);
        if (routed.size() >= 50_000) {
            routed.clear();
        }
        routed.put(key, new Routed(borough, now));
        return borough;
    }

    private record Routed(String borough, long at) {
    }

    private static ResponseEntity<byte[]> busy() {
        return ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE,
                "The referral could not be stored now: retry later with the same Idempotency-Key")
                .response(HttpHeaders.RETRY_AFTER, "1");
    }

    /** A body that is not JSON, or whose values have the wrong type: the field named where Jackson can tell. */
    private static ApiProblem unreadable(JacksonException e) {
        if (e instanceof StreamReadException || !(e instanceof DatabindException)) {
            return ApiProblem.invalid("The request body is not valid JSON", List.of());
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        if (path.isEmpty()) {
            return ApiProblem.invalid("The request body must be a JSON object with the referral's fields", List.of());
        }
        String field = path.toString();
        String detail = e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                ? "This field is not part of a referral"
                : field.equals("person.dateOfBirth") ? "Enter the date of birth as a date, like 2010-05-31"
                        : field.equals("indicators") ? "Send a list of indicator codes"
                                : field.equals("person") || field.equals("referrer") ? "Send an object with its fields"
                                        : "Send text";
        return ApiProblem.invalid("The request body could not be read: see errors",
                List.of(new ApiProblem.FieldError(field, detail)));
    }

    private static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > 200 || key.isBlank()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
