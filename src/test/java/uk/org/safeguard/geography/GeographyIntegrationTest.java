package uk.org.safeguard.geography;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.org.safeguard.geography.PostcodeResult.InLondon;
import uk.org.safeguard.geography.PostcodeResult.Invalid;
import uk.org.safeguard.geography.PostcodeResult.NotInLondon;
import uk.org.safeguard.geography.PostcodeResult.Partial;
import uk.org.safeguard.support.IntegrationTest;

/** The geography API against the real data files, loaded at start-up into a fresh PostgreSQL. */
@IntegrationTest
class GeographyIntegrationTest {

    @Autowired
    Boroughs boroughs;

    @Autowired
    PostcodeLookup postcodes;

    @Autowired
    Population population;

    @Autowired
    MainLanguages languages;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thereAreThe33LocalAuthoritiesInNameOrder() {
        List<Borough> all = boroughs.all();
        assertThat(all).hasSize(33);
        assertThat(all).extracting(Borough::code).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 33).mapToObj(i -> String.format("E090000%02d", i)).toList());
        assertThat(all).extracting(Borough::name).isSorted();
        assertThat(all.get(0).name()).isEqualTo("Barking and Dagenham");
        assertThat(all).extracting(Borough::slug).allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
    }

    @ParameterizedTest
    @CsvSource({
            "E09000030, Tower Hamlets, tower-hamlets, INNER",
            "E09000001, City of London, city-of-london, INNER",
            "E09000021, Kingston upon Thames, kingston-upon-thames, OUTER",
            "E09000002, Barking and Dagenham, barking-and-dagenham, OUTER",
            "E09000027, Richmond upon Thames, richmond-upon-thames, OUTER",
            "E09000013, Hammersmith and Fulham, hammersmith-and-fulham, INNER",
            "E09000011, Greenwich, greenwich, OUTER",
            "E09000014, Haringey, haringey, INNER",
    })
    void findsBoroughsByCodeAndSlug(String code, String name, String slug, Borough.InnerOuter innerOuter) {
        Borough expected = new Borough(code, name, slug, innerOuter);
        assertThat(boroughs.byCode(code)).contains(expected);
        assertThat(boroughs.bySlug(slug)).contains(expected);
    }

    @Test
    void unknownCodesAndSlugsFindNothing() {
        assertThat(boroughs.byCode("E09000034")).isEmpty();
        assertThat(boroughs.bySlug("Tower Hamlets")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SW1A 1AA", "sw1a1aa", " sw1a1aa ", "Sw1A 1Aa", "SW1A   1AA", "s w 1 a 1 a a"})
    void findsAFullPostcodeHoweverItIsTyped(String input) {
        assertThat(postcodes.lookup(input)).isEqualTo(new InLondon(westminster(), "SW1A 1AA"));
    }

    @ParameterizedTest
    @CsvSource({"E1 6AN, E09000001", "BR1 1AA, E09000006", "CM14 5NG, E09000016", "TN16 3AA, E09000006"})
    void findsPostcodesAcrossLondon(String postcode, String boroughCode) {
        // Each is a row of postcodes-london.csv; CM14 and TN16 are outer areas that reach into London.
        PostcodeResult result = postcodes.lookup(postcode);
        assertThat(result).isInstanceOf(InLondon.class);
        assertThat(((InLondon) result).borough().code()).isEqualTo(boroughCode);
    }

    @Test
    void aDistrictGivesEachBoroughsShare() {
        Partial se1 = (Partial) postcodes.lookup("se1");
        assertThat(se1.area()).isEqualTo("SE1");
        assertThat(se1.unknownUnit()).isFalse();
        assertThat(se1.outsideLondonShare()).isZero();
        assertThat(se1.shares()).extracting(share -> share.borough().name()).containsExactly("Southwark", "Lambeth");
        assertThat(se1.shares().get(0).share()).isCloseTo(0.8481, within(0.00005));
        assertThat(se1.shares().get(1).share()).isCloseTo(0.1519, within(0.00005));
    }

    @Test
    void aSectorGivesEachBoroughsShare() {
        Partial sector = (Partial) postcodes.lookup("SE1 7");
        assertThat(sector.area()).isEqualTo("SE1 7");
        assertThat(sector.shares()).extracting(share -> share.borough().name()).containsExactly("Lambeth", "Southwark");
        assertThat(sector.shares().get(0).share()).isCloseTo(0.8698, within(0.00005));
        assertThat(sector.unknownUnit()).isFalse();
    }

    @Test
    void anAreaOnLondonsEdgeSaysHowMuchIsOutside() {
        Partial sector = (Partial) postcodes.lookup("TN16 1");
        assertThat(sector.shares()).extracting(share -> share.borough().name()).containsExactly("Bromley");
        assertThat(sector.shares().get(0).share()).isCloseTo(0.0045, within(0.00005));
        assertThat(sector.outsideLondonShare()).isCloseTo(0.9955, within(0.00005));

        Partial district = (Partial) postcodes.lookup("TN16");
        assertThat(district.shares().get(0).share() + district.outsideLondonShare()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aLondonPostcodeMissingFromTheFileIsAnsweredByItsSector() {
        PostcodeResult result = postcodes.lookup("se1 7zz");
        assertThat(result).isInstanceOf(Partial.class);
        Partial partial = (Partial) result;
        assertThat(partial.unknownUnit()).isTrue();
        assertThat(partial.area()).isEqualTo("SE1 7");
        assertThat(partial.shares().get(0).borough().name()).isEqualTo("Lambeth");
    }

    @Test
    void aPostcodeInAnUnlistedSectorOfAWhollyLondonDistrictIsAnsweredByTheDistrict() {
        // E1 has sectors 0 to 8 only, and all of E1 is in London.
        Partial partial = (Partial) postcodes.lookup("E1 9ZZ");
        assertThat(partial.area()).isEqualTo("E1");
        assertThat(partial.unknownUnit()).isTrue();
        assertThat(partial.shares().get(0).borough().name()).isEqualTo("Tower Hamlets");
    }

    @Test
    void aPostcodeInASectorWithNoLondonPostcodesIsNotInLondon() {
        // TN16 reaches into Bromley, but its sector 4 lies wholly in Kent and Surrey.
        assertThat(postcodes.lookup("TN16 4AA")).isEqualTo(new NotInLondon("TN16 4AA"));
        assertThat(postcodes.lookup("TN16 4")).isEqualTo(new NotInLondon("TN16 4"));
    }

    @ParameterizedTest
    @CsvSource({"M1 1AE, M1 1AE", "m11ae, M1 1AE", "EH1, EH1", "eh1 1, EH1 1", "CF10 1AA, CF10 1AA"})
    void placesOutsideLondonAreNotInLondon(String input, String normalised) {
        assertThat(postcodes.lookup(input)).isEqualTo(new NotInLondon(normalised));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "SW1A 1A", "12345", "SW1A 1AA SW1A 1AA", "sw1a 1aı", "ＳＷ1A 1AA"})
    void refusesWhatIsNotAPostcode(String input) {
        assertThat(postcodes.lookup(input)).isInstanceOf(Invalid.class);
        assertThat(postcodes.lookup(null)).isInstanceOf(Invalid.class);
        assertThat(postcodes.lookup("x".repeat(10_000))).isInstanceOf(Invalid.class);
    }

    @ParameterizedTest
    @CsvSource({
            "london-boroughs, geography_borough, 33",
            "london-wards, geography_ward, 704",
            "postcodes-london, geography_postcode, 180792",
            "postcodes-district-borough, geography_district_share, 635",
            "postcodes-sector-borough, geography_sector_share, 1821",
            "population-age-sex-single-year, geography_population_age_sex, 6006",
            "population-ethnicity, geography_population_ethnicity, 627",
            "languages, geography_language, 3102",
    })
    void everyRowOfEveryFileIsLoadedAndRecorded(String dataset, String table, long rows) {
        assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT row_count FROM geography_dataset WHERE name = :name").param("name", dataset)
                .query(Long.class).single()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT sha256 FROM geography_dataset WHERE name = :name").param("name", dataset)
                .query(String.class).single()).matches("[0-9a-f]{64}");
    }

    @Test
    void postcodesAreStoredCompactAndUpperCase() {
        assertThat(jdbc.sql("SELECT count(*) FROM geography_postcode WHERE postcode !~ '^[A-Z0-9]{5,7}$'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT lad_code FROM geography_postcode WHERE postcode = 'SW1A1AA'")
                .query(String.class).single()).isEqualTo("E09000033");
        // Postcodes with no local authority keep an empty code rather than none.
        assertThat(jdbc.sql("SELECT n_postcodes FROM geography_district_share WHERE district = 'N1P' AND lad_code = ''")
                .query(Long.class).single()).isEqualTo(207);
    }

    @Test
    void londonHas8799697UsualResidents() {
        assertThat(population.londonTotal()).isEqualTo(8_799_697);
        assertThat(boroughs.all().stream().mapToLong(b -> population.total(b.code())).sum()).isEqualTo(8_799_697);
    }

    @Test
    void populationByAgeBandSumsSingleYearsWithNinetyPlusAsNinety() {
        assertThat(population.total("E09000033")).isEqualTo(204_233);
        Map<AgeBand, Long> westminster = population.byAgeBand("E09000033",
                List.of(AgeBand.of(0, 17), AgeBand.of(18, 89), AgeBand.atLeast(90), AgeBand.of(90, 90)));
        assertThat(westminster).containsExactly(
                Map.entry(AgeBand.of(0, 17), 30_613L),
                Map.entry(AgeBand.of(18, 89), 204_233L - 30_613 - 1_171),
                Map.entry(AgeBand.atLeast(90), 1_171L),
                Map.entry(AgeBand.of(90, 90), 1_171L));
        assertThat(population.byAgeBand("E09000001", Sex.FEMALE, List.of(AgeBand.of(0, 1), AgeBand.atLeast(0))))
                .containsExactly(Map.entry(AgeBand.of(0, 1), 46L), Map.entry(AgeBand.atLeast(0), 3_862L));
        assertThat(population.byAgeBand("E09000001", Sex.MALE, List.of(AgeBand.atLeast(0))))
                .containsEntry(AgeBand.atLeast(0), 8_584L - 3_862);
    }

    @Test
    void populationByBroadEthnicGroupMatchesThePublishedAggregates() {
        // population-ethnicity-broad.csv, the published TS021 aggregates, which the loaded detailed rows must sum to.
        assertThat(population.byBroadEthnicGroup("E09000033")).containsExactly(
                Map.entry(BroadEthnicGroup.ASIAN, 34_242L), Map.entry(BroadEthnicGroup.BLACK, 16_456L),
                Map.entry(BroadEthnicGroup.MIXED, 13_335L), Map.entry(BroadEthnicGroup.WHITE, 112_732L),
                Map.entry(BroadEthnicGroup.OTHER, 27_471L));
        assertThat(population.byBroadEthnicGroup("E09000030").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(310_306);
    }

    @Test
    void populationOfAnUnknownBoroughIsAnError() {
        assertThatThrownBy(() -> population.total("E09000099")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> population.byBroadEthnicGroup("W06000015")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void romanianIsLondonsMostCommonMainLanguageAfterEnglish() {
        List<LanguageCount> top = languages.topLanguages(3);
        assertThat(top).containsExactly(new LanguageCount("Romanian", 159_333), new LanguageCount("Spanish", 117_459),
                new LanguageCount("Polish", 112_067));
        assertThat(languages.topLanguages(0)).isEmpty();
        assertThat(languages.topLanguages(1000)).hasSize(93).noneMatch(l -> l.language().startsWith("English ("));
        assertThat(languages.londonTotal()).isEqualTo(8_482_632);
    }

    private Borough westminster() {
        return new Borough("E09000033", "Westminster", "westminster", Borough.InnerOuter.INNER);
    }
}
