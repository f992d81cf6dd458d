package com.teahouse.cases;

/**
 * Who did something to a case, as the event log records it.
 *
 * @param id   stable id, never a personal identifier (F21): "web:&lt;account&gt;" for staff (in Telegram too),
 *             "tg#&lt;keyed hash&gt;" for a bootstrap Telegram id, "owner", "system"; events older than F21 may
 *             carry "tg:&lt;user id&gt;"
 * @param name what the entrepreneur and colleagues see: a staff member's name or staff number
 */
public record Actor(String id, String name) {

    public static final Actor SYSTEM = new Actor("system", "system");
    public static final Actor OWNER = new Actor("owner", "owner");
}
