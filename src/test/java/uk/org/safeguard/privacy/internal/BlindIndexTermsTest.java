package uk.org.safeguard.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import com.google.crypto.tink.prf.PrfSet;
import org.junit.jupiter.api.Test;

class BlindIndexTermsTest {

    private final BlindIndexTerms index = newIndex();

    private static BlindIndexTerms newIndex() {
        try {
            return new BlindIndexTerms(Tink.prf(Tink.generate(Tink.HMAC_SHA256_PRF)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void namesAreNormalisedToWords() {
        assertThat(NameNormaliser.words("Zoë O'Brien")).containsExactly("zoe", "obrien");
        assertThat(NameNormaliser.words("  ZOË   o’brien ")).containsExactly("zoe", "obrien");
        assertThat(NameNormaliser.words("Mary-Jane St. John")).containsExactly("mary", "jane", "st", "john");
        assertThat(NameNormaliser.words("Łukasz Müller-Weiß")).containsExactly("lukasz", "muller", "weiss");
        assertThat(NameNormaliser.words("Ｊｏｓé")).containsExactly("jose");
        assertThat(NameNormaliser.words("محمد علي")).containsExactly("محمد", "علي");
        assertThat(NameNormaliser.words("?!")).isEmpty();
    }

    @Test
    void theSameNameInAnotherCaseOrWithoutAccentsHasTheSameExactTerm() {
        assertThat(index.exactTerm("Zoë O'Brien")).isEqualTo(index.exactTerm("ZOE OBRIEN"))
                .isEqualTo(index.exactTerm("zoe  o’brien"));
        assertThat(index.exactTerm("José Álvarez")).isEqualTo(index.exactTerm("jose alvarez"));
        assertThat(index.exactTerm("Zoe O'Brien")).isNotEqualTo(index.exactTerm("Zoe Brien"));
        assertThatThrownBy(() -> index.exactTerm(" - ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mohammedAndMuhammadShareAPhoneticTermButNoWordTerm() {
        Set<String> mohammed = index.nameTerms("Mohammed Ali");
        Set<String> muhammad = index.nameTerms("Muhammad Aly");

        Set<String> shared = new HashSet<>(mohammed);
        shared.retainAll(muhammad);
        assertThat(shared).isNotEmpty();
        assertThat(index.nameTerms("Mohammed")).containsAnyElementsOf(index.nameTerms("Muhammad"));
        assertThat(index.nameTerms("Mohammed")).doesNotContainAnyElementsOf(Set.of(index.exactTerm("Mohammed")));
        assertThat(index.nameTerms("Mohammed")).doesNotContainAnyElementsOf(index.nameTerms("Smith"));
    }

    @Test
    void nameTermsCoverEachWordAndItsSounds() {
        Set<String> terms = index.nameTerms("Zoë O'Brien");

        assertThat(terms).containsAll(index.nameTerms("zoe")).containsAll(index.nameTerms("OBRIEN"));
        assertThat(terms).hasSizeBetween(4, 6); // two words, each with one or two phonetic codes
        assertThat(index.nameTerms("Zoe Smith")).containsAnyElementsOf(index.nameTerms("Zoë Jones"));
        assertThat(index.nameTerms("")).isEmpty();
    }

    @Test
    void termsAreFixedLengthHex() {
        assertThat(index.nameTerms("Zoë O'Brien")).allMatch(t -> t.matches("[0-9a-f]{32}"));
        assertThat(index.exactTerm("Zoë O'Brien")).matches("[0-9a-f]{32}");
        assertThat(index.dateTerm(LocalDate.of(2012, 5, 1))).matches("[0-9a-f]{32}");
    }

    @Test
    void datesOfBirthMatchOnlyTheSameDate() {
        assertThat(index.dateTerm(LocalDate.of(2012, 5, 1))).isEqualTo(index.dateTerm(LocalDate.parse("2012-05-01")))
                .isNotEqualTo(index.dateTerm(LocalDate.of(2012, 1, 5)));
    }

    @Test
    void emailTermsIgnoreCaseAndSpacesAndAreTypedApartFromNames() {
        assertThat(index.emailTerm(" Jo.Bloggs@Example.ORG ")).isEqualTo(index.emailTerm("jo.bloggs@example.org"))
                .isNotEqualTo(index.emailTerm("jo.bloggs@example.com")).hasSize(32)
                .isNotEqualTo(index.exactTerm("jo.bloggs@example.org"));
        assertThat(newIndex().emailTerm("jo.bloggs@example.org")).isNotEqualTo(index.emailTerm("jo.bloggs@example.org"));
        assertThatThrownBy(() -> index.emailTerm("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyedTermsAreSeparatedByPurpose() {
        assertThat(index.keyedTerm("identity-reset-token", "abc")).isEqualTo(index.keyedTerm("identity-reset-token", "abc"))
                .isNotEqualTo(index.keyedTerm("identity-recovery-code", "abc"))
                .isNotEqualTo(index.keyedTerm("identity-reset-token", "abd")).hasSize(32);
        assertThat(newIndex().keyedTerm("identity-reset-token", "abc")).isNotEqualTo(index.keyedTerm("identity-reset-token", "abc"));
        assertThatThrownBy(() -> index.keyedTerm("Not:a purpose", "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDifferentSecretGivesDifferentTerms() {
        BlindIndexTerms other = newIndex();

        assertThat(other.exactTerm("Zoë O'Brien")).isNotEqualTo(index.exactTerm("Zoë O'Brien"));
        assertThat(other.nameTerms("Zoë O'Brien")).doesNotContainAnyElementsOf(index.nameTerms("Zoë O'Brien"));
        assertThat(other.dateTerm(LocalDate.of(2012, 5, 1))).isNotEqualTo(index.dateTerm(LocalDate.of(2012, 5, 1)));
    }

    @Test
    void termsAreNotPlainHashesOfTheValues() throws Exception {
        Set<String> plain = new HashSet<>();
        for (String value : new String[] {"zoe", "t:zoe", "x:zoe obrien", "zoe obrien", "d:2012-05-01", "2012-05-01"}) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            plain.add(HexFormat.of().formatHex(digest));
            plain.add(HexFormat.of().formatHex(digest, 0, BlindIndexTerms.TERM_BYTES));
        }

        assertThat(index.nameTerms("Zoë O'Brien")).doesNotContainAnyElementsOf(plain);
        assertThat(plain).doesNotContain(index.exactTerm("Zoë O'Brien"), index.dateTerm(LocalDate.of(2012, 5, 1)));
        assertThat(index.nameTerms("Zoë O'Brien")).noneMatch(t -> t.contains("zoe") || t.contains("brien"));
    }

    @Test
    void theSameKeyGivesTheSameTermsInAnotherProcess() throws Exception {
        var keyset = Tink.generate(Tink.HMAC_SHA256_PRF);
        PrfSet restored = Tink.prf(Tink.fromBytes(Tink.toBytes(keyset)));

        assertThat(new BlindIndexTerms(restored).nameTerms("Zoë O'Brien"))
                .isEqualTo(new BlindIndexTerms(Tink.prf(keyset)).nameTerms("Zoë O'Brien"));
    }
}
