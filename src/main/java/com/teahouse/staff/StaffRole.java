package com.teahouse.staff;

/** Console roles. STAFF sees its unit's cases; SUPERVISOR all, with re-routing and the supervision list. */
public enum StaffRole { STAFF, SUPERVISOR, POLICY_EDITOR, ADMIN }
