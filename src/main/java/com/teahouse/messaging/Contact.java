package com.teahouse.messaging;

/** A shared contact. Personal data: never log it. */
public record Contact(String phone, String name, String userId) {
}
