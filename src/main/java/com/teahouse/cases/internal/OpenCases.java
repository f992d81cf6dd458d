package com.teahouse.cases.internal;

import com.teahouse.cases.CaseListing;
import com.teahouse.cases.CaseRecord;
import com.teahouse.store.RedisStore;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@link CaseListing} over {@code cases:open} and the case hashes. */
@Component
class OpenCases implements CaseListing {

    private final RedisStore redis;
    private final CaseStore store;

    OpenCases(RedisStore redis, CaseStore store) {
        this.redis = redis;
        this.store = store;
    }

    @Override
    public List<String> openNumbers() {
        return redis.jedis().zrange(redis.key("cases:open"), 0, -1);
    }

    @Override
    public List<CaseRecord> records(List<String> trackingNumbers) {
        return trackingNumbers.isEmpty() ? List.of() : store.load(trackingNumbers);
    }
}
