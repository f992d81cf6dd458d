package com.teahouse.channel.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web chat's cookie.
 *
 * @param secureCookie true: always {@code Secure} with the {@code __Host-} prefix (production, whatever the
 *                     request looks like); false (the default): so only when the request came over HTTPS, directly
 *                     or through a trusted proxy, so that http://localhost keeps working in development
 */
@ConfigurationProperties("teahouse.web.session")
record WebSessionProperties(boolean secureCookie) {
}
