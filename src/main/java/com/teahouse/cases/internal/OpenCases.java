package com.teahouse.cases.internal;

import com.teahouse.cases.CaseListing;
import com.teahouse.cases.CaseRecord;
import com.teahouse.store.RedisStore;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Response;
import org.springframework.stereotype.Component;

/** {@link CaseListing} over {@code cases:open} and the case hashes. */
@Component
class OpenCases implements CaseListing {

    private final RedisStore redis;
    private final CaseStore store;
    private final Catalogue catalogue;

    OpenCases(RedisStore redis, CaseStore store, Catalogue catalogue) {
        this.redis = redis;
        this.store = store;
        this.catalogue = catalogue;
    }

    @Override
    public List<String> categories() {
        return catalogue.categoryIds();
    }

    @Override
    public List<String> openNumbers() {
        return redis.jedis().zrange(redis.key("cases:open"), 0, -1);
    }

    @Override
    public List<CaseRecord> records(List<String> trackingNumbers) {
        return trackingNumbers.isEmpty() ? List.of() : store.load(trackingNumbers);
    }

    @Override
    public List<CaseRecord> rows(List<String> trackingNumbers) {
        List<Response<List<String>>> read = new ArrayList<>();
        try (var p = redis.jedis().pipelined()) {
            for (String n : trackingNumbers) {
                read.add(p.hmget(redis.key("case:" + n), CaseCodec.ROW_FIELDS));
            }
            p.sync();
        }
        List<CaseRecord> out = new ArrayList<>();
        for (var r : read) {
            List<String> values = r.get();
            if (values.get(0) != null) {
                out.add(CaseCodec.row(values));
            }
        }
        return out;
    }
}
