-- Geography: London's local authorities, postcodes and Census 2021 population, loaded from the
-- city's open data files by the geography module (see docs/data-provenance.md for provenance and licences).

-- Which version (SHA-256 of the shipped file) of each data file the tables hold.
CREATE TABLE geography_dataset (
    name      TEXT        NOT NULL,
    sha256    TEXT        NOT NULL,
    row_count INT         NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT geography_dataset_pk PRIMARY KEY (name)
);

CREATE TABLE geography_borough (
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    slug        TEXT NOT NULL,
    inner_outer TEXT NOT NULL,
    CONSTRAINT geography_borough_pk PRIMARY KEY (code),
    CONSTRAINT geography_borough_slug_uk UNIQUE (slug),
    CONSTRAINT geography_borough_inner_outer_ck CHECK (inner_outer IN ('Inner', 'Outer'))
);

CREATE TABLE geography_ward (
    ward_code   TEXT NOT NULL,
    ward_name   TEXT NOT NULL,
    lad_code    TEXT NOT NULL,
    n_postcodes INT  NOT NULL,
    CONSTRAINT geography_ward_pk PRIMARY KEY (ward_code)
);

-- Postcode units, keyed without spaces ('SW1A1AA') so any spacing the person typed matches.
CREATE TABLE geography_postcode (
    postcode    TEXT NOT NULL,
    lad_code    TEXT NOT NULL,
    ward_code   TEXT NOT NULL,
    easting     INT  NOT NULL,
    northing    INT  NOT NULL,
    pos_quality INT  NOT NULL,
    CONSTRAINT geography_postcode_pk PRIMARY KEY (postcode)
);

-- How each postcode district ('SE1') and sector ('SE1 7', with its space) that has a London postcode
-- divides between local authorities, outside London too; lad_code is '' for postcodes with none.
CREATE TABLE geography_district_share (
    district    TEXT          NOT NULL,
    lad_code    TEXT          NOT NULL,
    lad_name    TEXT          NOT NULL,
    in_london   BOOLEAN       NOT NULL,
    n_postcodes INT           NOT NULL,
    share       NUMERIC(6, 4) NOT NULL,
    CONSTRAINT geography_district_share_pk PRIMARY KEY (district, lad_code)
);

CREATE TABLE geography_sector_share (
    sector      TEXT          NOT NULL,
    lad_code    TEXT          NOT NULL,
    lad_name    TEXT          NOT NULL,
    in_london   BOOLEAN       NOT NULL,
    n_postcodes INT           NOT NULL,
    share       NUMERIC(6, 4) NOT NULL,
    CONSTRAINT geography_sector_share_pk PRIMARY KEY (sector, lad_code)
);

-- Census 2021 TS009: age is '0' to '89' or '90+'.
CREATE TABLE geography_population_age_sex (
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    sex        TEXT NOT NULL,
    age        TEXT NOT NULL,
    population INT  NOT NULL,
    CONSTRAINT geography_population_age_sex_pk PRIMARY KEY (code, sex, age),
    CONSTRAINT geography_population_age_sex_sex_ck CHECK (sex IN ('Female', 'Male'))
);

CREATE TABLE geography_population_ethnicity (
    code              TEXT NOT NULL,
    name              TEXT NOT NULL,
    broad_group       TEXT NOT NULL,
    broad_group_label TEXT NOT NULL,
    ethnic_group      TEXT NOT NULL,
    population        INT  NOT NULL,
    CONSTRAINT geography_population_ethnicity_pk PRIMARY KEY (code, ethnic_group)
);

CREATE TABLE geography_language (
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    language_group TEXT NOT NULL,
    language       TEXT NOT NULL,
    population     INT  NOT NULL,
    CONSTRAINT geography_language_pk PRIMARY KEY (code, language)
);
