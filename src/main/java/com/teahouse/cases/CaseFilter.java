package com.teahouse.cases;

/**
 * What the staff queue shows: open cases (not closed or declined) ordered by their reply deadline. Null fields
 * do not filter.
 *
 * @param supervisedOnly only cases under supervision (督办)
 * @param limit          at most this many
 */
public record CaseFilter(CaseState state, String unit, String category, boolean overdueOnly,
        boolean supervisedOnly, int limit) {

    public static CaseFilter all(int limit) {
        return new CaseFilter(null, null, null, false, false, limit);
    }
}
