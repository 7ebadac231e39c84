package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import uk.org.safeguard.web.SummaryRow;

/** Any JSON document as summary rows. */
class DetailRowsTest {

    static final DetailRows.Words WORDS = new DetailRows.Words("Yes", "No", "Not given", "Details");

    @Test
    void objectsArraysAndScalarsBecomeRowsKeyedByTheirPath() {
        String json = """
                {"fullName": "Zoë", "date_of_birth": null, "address": {"postcode": "E1 0AA", "lines": []},
                 "indicators": ["a", "b"], "threats": [{"who": "x", "when": ""}], "sen": false, "count": 3}""";
        List<SummaryRow> rows = DetailRows.of(JsonMapper.builder().build().readTree(json), WORDS);
        assertThat(rows).extracting(SummaryRow::key, SummaryRow::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Full name", "Zoë"),
                org.assertj.core.groups.Tuple.tuple("Date of birth", "Not given"),
                org.assertj.core.groups.Tuple.tuple("Address › Postcode", "E1 0AA"),
                org.assertj.core.groups.Tuple.tuple("Address › Lines", "Not given"),
                org.assertj.core.groups.Tuple.tuple("Indicators", "a, b"),
                org.assertj.core.groups.Tuple.tuple("Threats › 1 › Who", "x"),
                org.assertj.core.groups.Tuple.tuple("Threats › 1 › When", "Not given"),
                org.assertj.core.groups.Tuple.tuple("Sen", "No"),
                org.assertj.core.groups.Tuple.tuple("Count", "3"));
    }

    @Test
    void aBareScalarIsOneRow() {
        assertThat(DetailRows.of(JsonMapper.builder().build().readTree("\"just text\""), WORDS))
                .extracting(SummaryRow::key, SummaryRow::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Details", "just text"));
    }
}
