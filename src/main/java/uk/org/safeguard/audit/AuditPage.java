package uk.org.safeguard.audit;

import java.util.List;

/**
 * One page of a search of the trail, newest entry first.
 *
 * @param entries the entries on this page
 * @param total how many entries match in all
 * @param page this page's number, from 0
 * @param size the most entries a page holds
 */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
