package com.teahouse.cases.internal;

import com.teahouse.cases.CaseState;
import java.util.List;

/** The states a case may be merged from and into (as {@link com.teahouse.cases.CasePolicy} says), for Redis. */
final class MergeStates {

    static final List<CaseState> MERGEABLE = List.of(CaseState.NEW, CaseState.DISPATCHED, CaseState.CLAIMED,
            CaseState.RETURNED, CaseState.REOPENED);
    static final List<String> IDS = MERGEABLE.stream().map(CaseState::id).toList();
    /** An unmerge is possible until the target is resolved: also when it was declined. */
    static final List<String> UNMERGE_FROM = java.util.stream.Stream.concat(IDS.stream(),
            java.util.stream.Stream.of(CaseState.DECLINED.id(), CaseState.MERGED.id())).toList();

    private MergeStates() {
    }

    static boolean mergeable(String stateId) {
        return IDS.contains(stateId);
    }

    /** A pair's member in cases:similar:pairs: the two numbers in order, so each pair is stored once. */
    static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
