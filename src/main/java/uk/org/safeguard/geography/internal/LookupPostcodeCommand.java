package uk.org.safeguard.geography.internal;

import java.io.PrintStream;
import java.util.Locale;

import org.springframework.stereotype.Component;

import uk.org.safeguard.geography.Borough;
import uk.org.safeguard.geography.BoroughShare;
import uk.org.safeguard.geography.PostcodeLookup;
import uk.org.safeguard.geography.PostcodeResult;
import uk.org.safeguard.platform.AdminArguments;
import uk.org.safeguard.platform.AdminCommand;

/** {@code admin lookup-postcode SW1A 1AA}: which borough a postcode, sector or district is in. */
@Component
class LookupPostcodeCommand implements AdminCommand {

    private final PostcodeLookup lookup;

    LookupPostcodeCommand(PostcodeLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "lookup-postcode";
    }

    @Override
    public String summary() {
        return "Show which London borough a postcode, sector or district is in (exit 1 if not in London)";
    }

    @Override
    public String usage() {
        return "lookup-postcode <postcode, sector or district, e.g. SW1A 1AA, SE1 7 or SE1>";
    }

    @Override
    public int run(AdminArguments arguments, PrintStream out, PrintStream err) {
        if (arguments.positional().isEmpty()) {
            err.println("Usage: admin " + usage());
            return 2;
        }
        // "SW1A 1AA" arrives as two words when unquoted.
        PostcodeResult result = lookup.lookup(String.join(" ", arguments.positional()));
        if (result instanceof PostcodeResult.InLondon inLondon) {
            out.println(inLondon.postcode() + " is in " + describe(inLondon.borough()) + ".");
            return 0;
        }
        if (result instanceof PostcodeResult.Partial partial) {
            if (partial.unknownUnit()) {
                out.println("That postcode is not a live London postcode (it may be new, terminated or outside London).");
            }
            out.println(partial.area() + " is divided between:");
            for (BoroughShare share : partial.shares()) {
                out.println("  " + percent(share.share()) + "  " + describe(share.borough()));
            }
            if (partial.outsideLondonShare() > 0) {
                out.println("  " + percent(partial.outsideLondonShare()) + "  outside London");
            }
            return 0;
        }
        if (result instanceof PostcodeResult.NotInLondon notInLondon) {
            out.println(notInLondon.normalised() + " is not in London.");
            return 1;
        }
        err.println("Not a postcode: " + ((PostcodeResult.Invalid) result).reason() + ".");
        return 2;
    }

    private static String describe(Borough borough) {
        return borough.name() + " (" + borough.code() + ")";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%5.1f%%", share * 100);
    }
}
