package uk.org.safeguard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The parameter types behind the components. */
class ComponentTypesTest {

    @Test
    void fieldIdDefaultsToItsName() {
        assertThat(Field.of("email", "a@b.c", null).id()).isEqualTo("email");
        assertThat(new Field("email", null, null, null).id()).isEqualTo("email");
        assertThat(Field.blank("email").withId("contact-email").id()).isEqualTo("contact-email");
        assertThatThrownBy(() -> Field.blank(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlankErrorIsNoError() {
        assertThat(Field.of("x", null, "").hasError()).isFalse();
        assertThat(Field.of("x", null, "Enter x").hasError()).isTrue();
        assertThat(ErrorItem.of(Field.of("x", null, "Enter x"))).isEqualTo(new ErrorItem("#x", "Enter x"));
    }

    @Test
    void dateHighlightsNamedPartsOrAllOfThem() {
        DateField month = DateField.of("dob", "1", "13", "2000", "Month must be between 1 and 12", DateField.Part.MONTH);
        assertThat(month.highlighted(DateField.Part.DAY)).isFalse();
        assertThat(month.highlighted(DateField.Part.MONTH)).isTrue();
        assertThat(month.firstErrorId()).isEqualTo("dob-month");

        DateField all = DateField.of("dob", null, null, null, "Enter your date of birth");
        assertThat(DateField.Part.values()).allMatch(all::highlighted);
        assertThat(all.firstErrorId()).isEqualTo("dob-day");

        DateField valid = DateField.of("dob", "1", "2", "2000", null, DateField.Part.YEAR);
        assertThat(DateField.Part.values()).noneMatch(valid::highlighted);
        assertThat(valid.partName(DateField.Part.YEAR)).isEqualTo("dob-year");
        assertThat(valid.partValue(DateField.Part.MONTH)).isEqualTo("2");
    }

    @Test
    void optionKinds() {
        assertThat(Option.divider().isDivider()).isTrue();
        assertThat(Option.of("a", "A").isDivider()).isFalse();
        assertThat(Option.exclusive("none", "None").exclusive()).isTrue();
        assertThat(Option.of("a", "A", "hint").hint()).isEqualTo("hint");
    }

    @Test
    void paginationShowsEndsNeighboursAndEllipses() {
        assertThat(numbers(PaginationLink.around(5, 10, n -> "/" + n))).isEqualTo("1 … 4 [5] 6 … 10");
        assertThat(numbers(PaginationLink.around(1, 10, n -> "/" + n))).isEqualTo("[1] 2 … 10");
        assertThat(numbers(PaginationLink.around(10, 10, n -> "/" + n))).isEqualTo("1 … 9 [10]");
        assertThat(numbers(PaginationLink.around(1, 1, n -> "/" + n))).isEqualTo("[1]");
        assertThat(numbers(PaginationLink.around(3, 5, n -> "/" + n))).isEqualTo("1 2 [3] 4 5");
    }

    @Test
    void paginationNeverHidesASinglePageBehindAnEllipsis() {
        assertThat(numbers(PaginationLink.around(4, 10, n -> "/" + n))).isEqualTo("1 2 3 [4] 5 … 10");
        assertThat(numbers(PaginationLink.around(7, 10, n -> "/" + n))).isEqualTo("1 … 6 [7] 8 9 10");
    }

    @Test
    void paginationLinksUseTheGivenAddresses() {
        List<PaginationLink> links = PaginationLink.around(2, 3, n -> "/cases?page=" + n);
        assertThat(links).containsExactly(new PaginationLink(1, "/cases?page=1", false),
                new PaginationLink(2, "/cases?page=2", true), new PaginationLink(3, "/cases?page=3", false));
        assertThatThrownBy(() -> PaginationLink.around(4, 3, n -> "/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaginationLink.around(0, 3, n -> "/")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String numbers(List<PaginationLink> links) {
        return String.join(" ", links.stream()
                .map(link -> link.isEllipsis() ? "…" : link.current() ? "[" + link.number() + "]" : String.valueOf(link.number()))
                .toList());
    }
}
