package com.teahouse.cases.internal;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One change for transition.lua: which states it may start from, what it writes, the event it logs. */
final class CaseChange {

    final List<String> from;
    String to = "";
    String op = "";
    String holder = "";
    /** Refuse unless {@link #holder} holds the case (not only when someone else does): nobody holding is refused too. */
    boolean holderOnly;
    final Map<String, String> set = new LinkedHashMap<>();
    final List<String> del = new ArrayList<>();
    final List<String> dlRemove = new ArrayList<>();
    final Map<String, String> dlAdd = new LinkedHashMap<>();
    String open = "";
    String supervised = "";
    final Map<String, String> event = new LinkedHashMap<>();
    /** What the reports counters count for this change (CaseTally), or null: nothing. */
    Map<String, Object> rep;

    // [merge] the case this one joins or leaves (并单), checked and linked in the same script; empty: none
    final Map<String, Object> merge = new LinkedHashMap<>();
    // [/merge]
    /** What people are told, as NoticeCodec writes it: appended to the notices stream by the same script. */
    String notice = "";

    private CaseChange(List<String> from) {
        this.from = from;
    }

    static CaseChange from(CaseState... states) {
        return new CaseChange(Arrays.stream(states).map(CaseState::id).toList());
    }

    static CaseChange fromAny() {
        return new CaseChange(List.of("*"));
    }

    CaseChange to(CaseState state) {
        this.to = state.id();
        return this;
    }

    CaseChange op(String opId) {
        this.op = opId == null ? "" : opId;
        return this;
    }

    /** Refuse when someone other than this actor holds the case. */
    CaseChange heldBy(Actor actor) {
        this.holder = actor.id();
        return this;
    }

    /**
     * Refuse unless this actor holds the case now: someone else holding it and nobody holding it (re-routed,
     * returned meanwhile) are both refused, in the same script as the write (F7: decline by the holder).
     */
    CaseChange heldOnlyBy(Actor actor) {
        this.holderOnly = true;
        return heldBy(actor);
    }

    CaseChange set(String field, Object value) {
        set.put(field, value instanceof Instant i ? Long.toString(i.toEpochMilli()) : String.valueOf(value));
        return this;
    }

    CaseChange clear(String... fields) {
        del.addAll(List.of(fields));
        return this;
    }

    CaseChange dropItems(String... kinds) {
        dlRemove.addAll(List.of(kinds));
        return this;
    }

    CaseChange item(String kind, Instant at) {
        dlAdd.put(kind, Long.toString(at.toEpochMilli()));
        return this;
    }

    /** Orders the case in the open queue by this deadline. */
    CaseChange openUntil(Instant due) {
        this.open = Long.toString(due.toEpochMilli());
        return this;
    }

    /** Takes the case off the open queue: it has its ending. */
    CaseChange ended() {
        this.open = "-";
        this.supervised = "0";
        return this;
    }

    CaseChange supervised(boolean on) {
        this.supervised = on ? "1" : "0";
        return this;
    }

    CaseChange event(String type, Actor who, Instant at, String note) {
        event.put("type", type);
        event.put("who", who.id());
        event.put("whoName", who.name() == null ? "" : who.name());
        event.put("at", Long.toString(at.toEpochMilli()));
        event.put("note", note == null ? "" : note);
        return this;
    }

    // [merge]
    /**
     * Joins ({@code join}) or leaves the group of case {@code into}, which must then be in one of
     * {@code intoStates} (and of {@code category}, when not null); logs {@code type} on it too.
     */
    CaseChange mergeWith(String into, boolean join, List<String> intoStates, String category, String type) {
        merge.put("into", into);
        merge.put("join", join ? "1" : "0");
        merge.put("intoFrom", intoStates);
        merge.put("category", category == null ? "" : category);
        merge.put("type", type);
        return this;
    }
    // [/merge]

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        m.put("op", op);
        m.put("holder", holder);
        m.put("holderOnly", holderOnly ? "1" : "0");
        m.put("set", set);
        m.put("del", del);
        m.put("dlRemove", dlRemove);
        m.put("dlAdd", dlAdd);
        m.put("open", open);
        m.put("supervised", supervised);
        m.put("event", event);
        if (rep != null) {
            m.put("rep", rep);
        }
        if (!merge.isEmpty()) {
            m.put("merge", merge); // [merge]
        }
        m.put("notice", notice);
        return m;
    }
}
