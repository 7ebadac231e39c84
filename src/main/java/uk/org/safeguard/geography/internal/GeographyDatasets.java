package uk.org.safeguard.geography.internal;

import java.util.List;

/** The files under {@code src/main/resources/geography/} that are loaded into the database, and how. */
final class GeographyDatasets {

    static final List<Dataset> ALL = List.of(
            Dataset.direct("london-boroughs", "geography_borough", "code", "name", "inner_outer")
                    // The slug is the name in lower case with each run of other characters made one hyphen.
                    .staged("CREATE TEMPORARY TABLE geography_staging (code TEXT, name TEXT, inner_outer TEXT)",
                            """
                            INSERT INTO geography_borough (code, name, slug, inner_outer)
                            SELECT code, name, trim(BOTH '-' FROM regexp_replace(lower(name), '[^a-z0-9]+', '-', 'g')),
                                   inner_outer
                            FROM geography_staging"""),
            Dataset.direct("london-wards", "geography_ward", "ward_code", "ward_name", "lad_code", "n_postcodes"),
            Dataset.direct("postcodes-london", "geography_postcode",
                    "postcode", "lad_code", "ward_code", "easting", "northing", "pos_quality")
                    // Stored without spaces so that a lookup matches however the person spaced it.
                    .staged("""
                            CREATE TEMPORARY TABLE geography_staging (postcode TEXT, lad_code TEXT, ward_code TEXT,
                                easting INT, northing INT, pos_quality INT)""",
                            """
                            INSERT INTO geography_postcode (postcode, lad_code, ward_code, easting, northing, pos_quality)
                            SELECT upper(replace(postcode, ' ', '')), lad_code, ward_code, easting, northing, pos_quality
                            FROM geography_staging"""),
            // Postcodes with no local authority have an empty lad_code: keep it as '' rather than NULL.
            Dataset.direct("postcodes-district-borough", "geography_district_share",
                    "district", "lad_code", "lad_name", "in_london", "n_postcodes", "share")
                    .withCopyOptions(", FORCE_NOT_NULL (lad_code)"),
            Dataset.direct("postcodes-sector-borough", "geography_sector_share",
                    "sector", "lad_code", "lad_name", "in_london", "n_postcodes", "share")
                    .withCopyOptions(", FORCE_NOT_NULL (lad_code)"),
            Dataset.direct("population-age-sex-single-year", "geography_population_age_sex",
                    "code", "name", "sex", "age", "population"),
            Dataset.direct("population-ethnicity", "geography_population_ethnicity",
                    "code", "name", "broad_group", "broad_group_label", "ethnic_group", "population"),
            Dataset.direct("languages", "geography_language",
                    "code", "name", "language_group", "language", "population"));

    private GeographyDatasets() {
    }
}
