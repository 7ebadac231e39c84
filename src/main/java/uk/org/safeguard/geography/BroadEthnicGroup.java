package uk.org.safeguard.geography;

/** The five broad ethnic groups of Census 2021 table TS021. */
public enum BroadEthnicGroup {
    /** Asian, Asian British or Asian Welsh. */
    ASIAN,
    /** Black, Black British, Black Welsh, Caribbean or African. */
    BLACK,
    /** Mixed or Multiple ethnic groups. */
    MIXED,
    /** White. */
    WHITE,
    /** Other ethnic group. */
    OTHER
}
