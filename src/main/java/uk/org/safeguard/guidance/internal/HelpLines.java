package uk.org.safeguard.guidance.internal;

/**
 * The national numbers and websites of the help pages, as link targets. Their text (with the numbers
 * written the way people read them) is in {@code messages/help.properties}; these are the same numbers.
 */
public final class HelpLines {

    public static final String EMERGENCY = "tel:999";
    public static final String POLICE = "tel:101";
    /** Anti-Terrorism Hotline, 0800 789 321. */
    public static final String ANTI_TERRORISM_HOTLINE = "tel:+44800789321";
    public static final String ANTI_TERRORISM_ONLINE = "https://www.gov.uk/ACT";
    /** National Prevent advice line, 0800 011 3764. */
    public static final String PREVENT_ADVICE_LINE = "tel:+448000113764";
    /** True Vision, the police's online hate crime reporting. */
    public static final String TRUE_VISION = "https://www.report-it.org.uk";
    /** Tell MAMA, 0800 456 1226. */
    public static final String TELL_MAMA = "tel:+448004561226";
    /** CST, 0800 032 3263. */
    public static final String CST = "tel:+448000323263";
    /** Victim Support's free 24/7 Supportline, 08 08 16 89 111. */
    public static final String VICTIM_SUPPORT = "tel:+448081689111";
    public static final String VICTIM_SUPPORT_ONLINE = "https://www.victimsupport.org.uk";
    public static final String FIND_COUNCIL = "https://www.gov.uk/find-local-council";
    public static final String MET_POLICE_ONLINE = "https://www.met.police.uk";
    /** The City of London has its own police force. */
    public static final String CITY_POLICE_ONLINE = "https://www.cityoflondon.police.uk";
    /** Finds the local force for anywhere in England, Wales and Northern Ireland. */
    public static final String POLICE_UK_ONLINE = "https://www.police.uk";

    private HelpLines() {
    }

    /**
     * A {@code tel:} link for a number as people write it ({@code 020 7946 0001}, {@code +44 20 ...},
     * {@code 101}), or null when it holds no digits. UK numbers starting 0 get the +44 form.
     */
    public static String tel(String number) {
        if (number == null) {
            return null;
        }
        // "+44 (0)20 ..." : the bracketed 0 is dialled only from inside the UK.
        String trimmed = number.strip().replace("(0)", "");
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (trimmed.startsWith("+")) {
            return "tel:+" + digits;
        }
        if (digits.startsWith("0") && digits.length() >= 10) {
            return "tel:+44" + digits.substring(1);
        }
        return "tel:" + digits;
    }
}
