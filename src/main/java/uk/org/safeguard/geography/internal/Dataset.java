package uk.org.safeguard.geography.internal;

import java.util.List;

/**
 * One reference data file and the table it fills.
 *
 * @param name the file's name without {@code .csv} or {@code .csv.gz}, under {@code geography/} on the
 *        classpath; also the name its loading is recorded under in {@code geography_dataset}
 * @param table the table that holds the file's rows, and only them
 * @param columns the file's header, which must match exactly; COPY fills these columns
 * @param copyOptions extra options for COPY, starting with a comma, or empty
 * @param staging when the rows need changing on the way in: how to make the temporary table
 *        {@code geography_staging} that COPY fills, and the INSERT that moves its rows into the table
 */
record Dataset(String name, String table, List<String> columns, String copyOptions, Staging staging) {

    static Dataset direct(String name, String table, String... columns) {
        return new Dataset(name, table, List.of(columns), "", null);
    }

    Dataset withCopyOptions(String options) {
        return new Dataset(name, table, columns, options, staging);
    }

    Dataset staged(String createStaging, String insertFromStaging) {
        return new Dataset(name, table, columns, copyOptions, new Staging(createStaging, insertFromStaging));
    }

    String header() {
        return String.join(",", columns);
    }

    record Staging(String create, String insert) {
    }
}
