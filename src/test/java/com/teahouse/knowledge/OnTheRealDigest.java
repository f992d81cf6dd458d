package com.teahouse.knowledge;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** For tests that ask the shipped digest ({@code knowledge/}, with its calibration): loaded once per test class. */
public abstract class OnTheRealDigest {

    protected static PolicyDigest digest;

    @BeforeAll
    static void loadTheRealDigest() {
        digest = new PolicyDigest(Path.of("knowledge"), new SimpleMeterRegistry(), null);
    }

    @AfterAll
    static void closeTheRealDigest() {
        digest.close();
    }
}
