package com.teahouse.policy.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teahouse.policy.*}.
 *
 * @param maxBodyBytes largest request body on {@code /policy/api/**} (default 256 KB: an entry is a few KB, the
 *                     synonyms file tens of KB); more is answered 413 and nothing is read into memory
 */
@ConfigurationProperties("teahouse.policy")
record PolicyProperties(Integer maxBodyBytes) {

    PolicyProperties {
        maxBodyBytes = maxBodyBytes == null ? 256 * 1024 : maxBodyBytes;
    }
}
