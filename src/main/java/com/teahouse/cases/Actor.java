package com.teahouse.cases;

/**
 * Who did something to a case, as the event log records it.
 *
 * @param id   stable id: "tg:&lt;user id&gt;", "web:&lt;account&gt;", "owner", "system"
 * @param name what the entrepreneur and colleagues see: a staff member's name or staff number
 */
public record Actor(String id, String name) {

    public static final Actor SYSTEM = new Actor("system", "system");
    public static final Actor OWNER = new Actor("owner", "owner");
}
