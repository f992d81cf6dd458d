/** The reports' implementation: figures from the case counters, the JSON API, the pages. */
package com.teahouse.reports.internal;
