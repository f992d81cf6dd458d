/**
 * Cases: whatever the bot cannot close becomes a case with a tracking number, a handling unit, a deadline in
 * working days and an ending, following the 12345 workflow (受理 → 转办 → 办理 → 回复 → 回访 → 办结).
 * {@link com.teahouse.cases.CasePolicy} is the one authorization policy: who may see or do what with a case.
 * {@link com.teahouse.cases.CaseCounters} are the per-day figures the case scripts keep as they change a case.
 * 并单 ({@link com.teahouse.cases.CaseMerging}): duplicate candidates found with Lucene when a case opens, stored
 * in Redis with both cases; a case merged into another follows it (state merged) until it is unmerged.
 * A case keeps its conversation as {@link com.teahouse.cases.ConversationLine}s (who, what, when);
 * {@link com.teahouse.cases.CaseListing} reads many cases at once and {@link com.teahouse.cases.WorkingTime}
 * measures office time by the calendar that sets the deadlines.
 * Notices that must not be lost are durable: each change appends its events to the {@code cases:notices} stream
 * in the same script, delivered once per {@link com.teahouse.cases.CaseNoticeTarget} through a consumer group;
 * every instance also publishes {@link com.teahouse.cases.CaseChanged} from that stream, for live views.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
        allowedDependencies = {"messaging", "store", "texts"})
package com.teahouse.cases;
