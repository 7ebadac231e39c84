package uk.org.safeguard.web;

import java.util.Locale;
import java.util.Set;

/** Facts about languages that the layout needs. */
public final class Languages {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "ur", "he", "fa", "ps", "yi", "dv", "ckb");

    private Languages() {
    }

    public static boolean isRightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }
}
