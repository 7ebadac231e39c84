package uk.org.safeguard.geography;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.org.safeguard.geography.PostcodeResult.InLondon;
import uk.org.safeguard.geography.PostcodeResult.Invalid;
import uk.org.safeguard.geography.PostcodeResult.NotInLondon;
import uk.org.safeguard.geography.PostcodeResult.Partial;
import uk.org.safeguard.geography.internal.ParsedPostcode;
import uk.org.safeguard.geography.internal.PostcodeParser;

/**
 * Which London borough a postcode is in, from OS Code-Point Open (every live London postcode unit, and
 * how each postcode district and sector that touches London divides between local authorities).
 */
@Service
public class PostcodeLookup {

    private final JdbcClient jdbc;

    PostcodeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Looks up a full postcode ({@code SW1A 1AA}), a sector ({@code SE1 7}) or a district ({@code SE1}),
     * typed in any case and spacing. A full postcode that is not a live London postcode is answered from
     * its sector, or, when the sector has no London postcodes, from its district if that lies wholly in
     * London (a new sector there); otherwise it is not in London.
     */
    public PostcodeResult lookup(String input) {
        ParsedPostcode parsed = PostcodeParser.parse(input);
        if (parsed instanceof ParsedPostcode.Malformed malformed) {
            return new Invalid(malformed.reason());
        }
        if (parsed instanceof ParsedPostcode.Unit unit) {
            Optional<Borough> borough = unitBorough(unit.compact());
            if (borough.isPresent()) {
                return new InLondon(borough.get(), unit.display());
            }
            return areaOf(unit.sector(), unit.district(), true).orElse(new NotInLondon(unit.display()));
        }
        if (parsed instanceof ParsedPostcode.Sector sector) {
            return areaOf(sector.display(), sector.district(), false).orElse(new NotInLondon(sector.display()));
        }
        String district = ((ParsedPostcode.District) parsed).outward();
        return shares("geography_district_share", "district", district, false)
                .<PostcodeResult>map(partial -> partial)
                .orElse(new NotInLondon(district));
    }

    private Optional<PostcodeResult> areaOf(String sector, String district, boolean unknownUnit) {
        Optional<Partial> bySector = shares("geography_sector_share", "sector", sector, unknownUnit);
        if (bySector.isPresent()) {
            return Optional.of(bySector.get());
        }
        // The sector file lists every sector with a London postcode, so a sector missing from it has none,
        // unless it is newer than the file; only a district wholly in London then says anything.
        return shares("geography_district_share", "district", district, unknownUnit)
                .filter(partial -> partial.outsideLondonShare() == 0)
                .map(partial -> partial);
    }

    private Optional<Borough> unitBorough(String compactPostcode) {
        return jdbc.sql("SELECT " + Boroughs.COLUMNS
                + " FROM geography_postcode p JOIN geography_borough b ON b.code = p.lad_code WHERE p.postcode = :postcode")
                .param("postcode", compactPostcode).query((rs, n) -> Boroughs.map(rs)).optional();
    }

    /** The area's shares, computed from postcode counts; empty when the area has no London postcode. */
    private Optional<Partial> shares(String table, String column, String area, boolean unknownUnit) {
        List<AreaRow> rows = jdbc.sql("SELECT s.n_postcodes, " + Boroughs.COLUMNS + " FROM " + table
                + " s LEFT JOIN geography_borough b ON b.code = s.lad_code AND s.in_london WHERE s." + column + " = :area")
                .param("area", area)
                .query((rs, n) -> new AreaRow(rs.getLong("n_postcodes"),
                        rs.getString("code") == null ? null : Boroughs.map(rs)))
                .list();
        long total = rows.stream().mapToLong(AreaRow::postcodes).sum();
        long outside = rows.stream().filter(row -> row.borough() == null).mapToLong(AreaRow::postcodes).sum();
        if (total == 0 || outside == total) {
            return Optional.empty();
        }
        List<BoroughShare> shares = new ArrayList<>();
        for (AreaRow row : rows) {
            if (row.borough() != null) {
                shares.add(new BoroughShare(row.borough(), (double) row.postcodes() / total));
            }
        }
        shares.sort(Comparator.comparingDouble(BoroughShare::share).reversed()
                .thenComparing(share -> share.borough().name()));
        return Optional.of(new Partial(area, shares, (double) outside / total, unknownUnit));
    }

    private record AreaRow(long postcodes, Borough borough) {
    }
}
