package com.teahouse.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.teahouse.knowledge.internal.DigestChangeLog;
import com.teahouse.knowledge.internal.DigestFollower;
import com.teahouse.knowledge.internal.DigestRepository;
import com.teahouse.knowledge.internal.DigestValidation;
import com.teahouse.knowledge.internal.DirectoryMirror;
import com.teahouse.knowledge.internal.PublishWarmUp;
import com.teahouse.store.RedisStore;
import com.teahouse.store.WhenRedisUp;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Opens the digest an instance serves when Redis is there: the repository's knowledge/ seeds an empty store, then
 * the published files are mirrored into a private temporary directory, indexed, and followed through the change
 * log and the published revision. Redis is the source after seeding, so a restart serves what was published.
 * Started while Redis is down, the instance serves the repository's files until Redis answers, then seeds, catches
 * up and follows. Once it follows, the publish path is warmed up on a scratch index ({@link PublishWarmUp}).
 */
final class PublishedDigests {

    private static final Logger log = LoggerFactory.getLogger(PublishedDigests.class);

    private PublishedDigests() {
    }

    static PolicyDigest open(RedisStore redis, KnowledgeProperties props, MeterRegistry registry, Clock clock,
                             WhenRedisUp whenRedisUp) {
        DigestRepository repository = new DigestRepository(redis);
        Path serving = temp("teahouse-kb-serving");
        Path workspace = temp("teahouse-kb-check");
        AtomicReference<PolicyDigest> digest = new AtomicReference<>();
        DigestFollower follower = new DigestFollower(repository, new DigestChangeLog(redis, repository),
                new DirectoryMirror(serving), () -> digest.get().reloadNow(), changed -> digest.get().apply(changed));
        Map<String, String> shipped = DirectoryMirror.read(props.dir());
        boolean primed;
        try {
            seed(repository, shipped, props, clock);
            follower.prime();
            primed = true;
        } catch (RuntimeException e) {
            if (!WhenRedisUp.unreachable(e)) {
                throw e;
            }
            new DirectoryMirror(serving).sync(shipped);
            primed = false;
        }
        PolicyDigest served = new PolicyDigest(serving, registry, Duration.ZERO, clock);
        digest.set(served);
        Duration poll = props.poll().isZero() || props.poll().isNegative() ? Duration.ofSeconds(1) : props.poll();
        if (primed) {
            follower.start(poll);
            warmUp(props, served, follower);
        } else { // the follower starts after the seed, or it would mirror an empty store
            whenRedisUp.run("the published digest (seed, catch up, follow)", () -> {
                seed(repository, shipped, props, clock);
                follower.catchUp();
                follower.start(poll);
                warmUp(props, served, follower);
            });
        }
        DigestValidation validation = new DigestValidation(workspace);
        served.attach(new DigestStore(repository, validation, follower, served.reloader(), clock), () -> {
            follower.close();
            new DirectoryMirror(workspace).delete();
        });
        return served;
    }

    private static void warmUp(KnowledgeProperties props, PolicyDigest served, DigestFollower follower) {
        if (props.warmUp()) {
            PublishWarmUp.start(served.reloader(), follower.files());
        }
    }

    private static void seed(DigestRepository repository, Map<String, String> shipped, KnowledgeProperties props,
                             Clock clock) {
        if (repository.seedIfEmpty(shipped, clock.instant())) {
            log.info("Seeded the published digest from {}", props.dir().toAbsolutePath());
        }
    }

    private static Path temp(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
