package com.teahouse.dialog.kit;

import com.teahouse.cases.Actor;
import com.teahouse.cases.CaseCaller;
import com.teahouse.cases.CaseMerging;
import com.teahouse.cases.CasePolicy;
import com.teahouse.cases.CaseRecord;
import com.teahouse.cases.CaseWork;

/**
 * 并单 for the scripts, as the console's merge and unmerge do it: {@link CasePolicy} decides first, for a
 * supervisor, then {@link CaseMerging} changes the cases. A refusal or a change that did not happen fails the step.
 */
final class KitMerges {

    static final Actor SUPERVISOR = new Actor("web:kit-supervisor", "督办员");
    private static final CaseCaller CALLER = CaseCaller.staff(SUPERVISOR, true, false, null);

    private KitMerges() {
    }

    static void merge(ScriptRunner.Driver driver, String b, String into, String where) {
        CaseWork work = driver.work();
        CaseMerging merging = driver.bean(CaseMerging.class);
        CaseRecord bCase = work.get(b).orElseThrow();
        CaseRecord aCase = work.get(into).orElseThrow();
        var d = driver.bean(CasePolicy.class).decideMerge(CALLER, bCase, aCase, !merging.group(b).isEmpty());
        if (!d.allowed()) {
            throw new AssertionError(where + ": the merge of " + b + " into " + into + " was refused: " + d);
        }
        if (!merging.merge(b, into, SUPERVISOR, false).done()) {
            throw new AssertionError(where + ": " + b + " was not merged into " + into);
        }
    }

    static void unmerge(ScriptRunner.Driver driver, String b, String where) {
        CaseMerging merging = driver.bean(CaseMerging.class);
        CaseRecord into = merging.mergedInto(b).flatMap(driver.work()::get).orElse(null);
        var d = driver.bean(CasePolicy.class).decideUnmerge(CALLER, driver.work().get(b).orElseThrow(), into);
        if (!d.allowed()) {
            throw new AssertionError(where + ": the unmerge of " + b + " was refused: " + d);
        }
        if (!merging.unmerge(b, SUPERVISOR).done()) {
            throw new AssertionError(where + ": " + b + " was not taken out of its group");
        }
    }
}
