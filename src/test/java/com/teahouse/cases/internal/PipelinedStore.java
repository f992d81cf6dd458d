package com.teahouse.cases.internal;

import com.teahouse.cases.CaseRecord;
import com.teahouse.messaging.Address;
import com.teahouse.store.RedisStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The product's {@link CaseStore} for a loading batch: its scripts go to a pipeline ({@link PipelinedScripts}) with
 * the keys and arguments the product builds, and what the desks read between two changes comes from the
 * {@link LoadedCases} mirror instead of Redis (which has not run the queued scripts yet). The notices are left
 * out: they would be delivered to chats that do not exist, and no report reads them.
 */
final class PipelinedStore extends CaseStore {

    private final PipelinedScripts scripts;
    private final LoadedCases loaded;

    PipelinedStore(RedisStore redis, PipelinedScripts scripts, CaseTally tally, LoadedCases loaded) {
        super(redis, scripts, tally);
        this.scripts = scripts;
        this.loaded = loaded;
    }

    @Override
    Optional<String> bySubmission(String submissionId) {
        return Optional.empty(); // every loaded history is a new submission
    }

    @Override
    String open(String tracking, Map<String, String> fields, String submissionId, String unit, Address owner,
            Instant opened, Instant replyDue) {
        loaded.opened(tracking, fields, opened.toEpochMilli());
        return super.open(tracking, fields, submissionId, unit, owner, opened, replyDue);
    }

    @Override
    Applied apply(String tracking, CaseChange change) {
        change.notice = "";
        scripts.expect(loaded.transition(tracking, change));
        return super.apply(tracking, change);
    }

    @Override
    Optional<CaseRecord> get(String tracking) {
        return Optional.ofNullable(loaded.hash(tracking)).map(CaseCodec::record);
    }

    @Override
    String field(String tracking, String field) {
        Map<String, String> h = loaded.hash(tracking);
        return h == null ? null : h.get(field);
    }

    @Override
    void setField(String tracking, String field, String value) {
        throw new UnsupportedOperationException("the loader writes through the scripts only");
    }
}
