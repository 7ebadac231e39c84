package uk.org.safeguard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One numbered item of the pagination component, or an ellipsis standing for the pages left out.
 *
 * @param number the page number, counting from 1; null for an ellipsis
 * @param href the address of that page; null for an ellipsis
 * @param current true for the page being shown
 */
public record PaginationLink(Integer number, String href, boolean current) {

    /** A gap in the page numbers. */
    public static PaginationLink ellipsis() {
        return new PaginationLink(null, null, false);
    }

    public boolean isEllipsis() {
        return number == null;
    }

    /**
     * The items GOV.UK recommends: the first and last pages, the current page and its neighbours, and
     * ellipses for the gaps (a gap of one page shows that page instead).
     */
    public static List<PaginationLink> around(int current, int total, IntFunction<String> href) {
        if (total < 1 || current < 1 || current > total) {
            throw new IllegalArgumentException("Page " + current + " of " + total);
        }
        List<PaginationLink> items = new ArrayList<>();
        int last = 0;
        for (int number = 1; number <= total; number++) {
            boolean shown = number == 1 || number == total || Math.abs(number - current) <= 1
                    || (number == 2 && current == 4) || (number == total - 1 && current == total - 3);
            if (!shown) {
                continue;
            }
            if (number - last > 1) {
                items.add(ellipsis());
            }
            items.add(new PaginationLink(number, href.apply(number), number == current));
            last = number;
        }
        return List.copyOf(items);
    }
}
