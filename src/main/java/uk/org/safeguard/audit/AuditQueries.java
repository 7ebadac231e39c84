package uk.org.safeguard.audit;

import java.util.List;

/** Reading the trail: oversight's search and each case page's "who has seen this". */
public interface AuditQueries {

    /** The most entries one page may hold. */
    int MAX_PAGE_SIZE = 500;

    /**
     * Entries matching {@code criteria}, newest first.
     *
     * @param page the page wanted, from 0
     * @param size entries per page, 1 to {@link #MAX_PAGE_SIZE}
     */
    AuditPage search(AuditSearch criteria, int page, int size);

    /**
     * Everyone who has viewed the record (any action ending in {@code .viewed}), most recent viewer
     * first.
     */
    List<RecordViewer> viewersOf(String recordType, String recordId);
}
