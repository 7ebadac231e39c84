package uk.org.safeguard.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import uk.org.safeguard.support.WebClient;

/** Helpers of the referral and hate-report tests: reading pages, and sending a check-answers form. */
final class ReportPages {

    private ReportPages() {
    }

    static Document doc(HttpResponse<String> response) {
        return Jsoup.parse(response.body());
    }

    static List<String> errorSummary(HttpResponse<String> response) {
        return doc(response).select(".govuk-error-summary__list a").eachText();
    }

    static String h1(HttpResponse<String> response) {
        Element h1 = doc(response).selectFirst("h1");
        return h1 == null ? "" : h1.text();
    }

    static void assertRedirect(HttpResponse<String> response, String to) {
        assertThat(WebClient.location(response)).as(response.statusCode() + " " + response.body()).isEqualTo(to);
    }

    /** Sends the check-answers form at {@code path} as a browser with JavaScript would: with a proof of work. */
    static HttpResponse<String> send(WebClient client, String path, String... extra) {
        Document check = client.page(path);
        String token = check.selectFirst("input[name=sg_form]").attr("value");
        String[] fields = {"sg_form", token, "sg_nonce", solve(token), "sg_extra", ""};
        String[] all = new String[fields.length + extra.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(extra, 0, all, fields.length, extra.length);
        return client.post(path, all);
    }

    static String solve(String token) {
        for (int nonce = 0; ; nonce++) {
            if (AbuseGuard.proofOfWork(token, String.valueOf(nonce))) {
                return String.valueOf(nonce);
            }
        }
    }
}
