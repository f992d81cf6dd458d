package com.teahouse.messaging;

/**
 * Who sent an inbound message. {@code name} is personal data: never log it.
 *
 * @param id           the channel's user id
 * @param name         display name as the channel gives it
 * @param languageCode IETF tag from the client (Telegram's language_code), may be null
 */
public record Person(String id, String name, String languageCode) {
}
