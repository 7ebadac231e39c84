package uk.org.safeguard.intake.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answer of the partner API, as {@code application/problem+json} (RFC 9457), with the invalid
 * fields in {@code errors}. It never carries anything the client sent.
 *
 * @param type always {@code about:blank}: the status says what kind of problem it is
 * @param title the status's reason phrase
 * @param status the HTTP status
 * @param detail what went wrong, in English
 * @param errors one entry per invalid field, for 400; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An error (RFC 9457 problem details)")
record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    /**
     * @param field the dotted path of the field in the request body ({@code person.fullName}), or the header's name
     * @param detail what is wrong with it, in English
     */
    @Schema(name = "FieldError")
    record FieldError(@Schema(example = "person.fullName") String field,
            @Schema(example = "Enter the full name of the person you are referring") String detail) {
    }

    static ApiProblem of(HttpStatus status, String detail) {
        return new ApiProblem("about:blank", status.getReasonPhrase(), status.value(), detail, null);
    }

    static ApiProblem invalid(String detail, List<FieldError> errors) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return new ApiProblem("about:blank", status.getReasonPhrase(), status.value(), detail, errors);
    }

    byte[] json() {
        return JSON.writeValueAsBytes(this);
    }

    ResponseEntity<byte[]> response() {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(json());
    }

    ResponseEntity<byte[]> response(String header, String value) {
        return ResponseEntity.status(status).header(header, value).contentType(PROBLEM_JSON).body(json());
    }

    /** Writes this problem straight to {@code response} (from a filter, before any controller). */
    void write(HttpServletResponse response) throws IOException {
        byte[] body = json();
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
