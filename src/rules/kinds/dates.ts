import * as datesModule from "../../values/dates";
import type { YMD } from "../../values/dates";
import type { Parsed } from "../../values/types";
import type { KindCompiler, Outcome } from "../compile";
import type { AfterRule, DeadlineRule, EventDatesRule, MonthEndRule } from "../types";
import * as commonModule from "./common";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { compareDates, formatDate, isLastDayOfMonth, nthBusinessDayAfter } = datesModule;
const { slotsIn } = commonModule;

const NONE: readonly Outcome[] = [];

const dateOf = (p: Parsed): YMD | null => (p.tag === "date" ? p : null);

// Runs read cells by slots captured as numbers, not through CellRef objects (see placesOf).

/** The month-end date is the last calendar day of its month. */
export const monthEnd: KindCompiler<MonthEndRule> = (rule, scope) => {
  const cell = scope.ref(rule.cell);
  if (cell.index < 0) return null;
  const at = cell.slot;
  return {
    cells: [cell],
    run(ctx) {
      const d = dateOf(ctx.cur.atSlot(at));
      if (!d || isLastDayOfMonth(d)) return NONE;
      return [{ code: "date.notMonthEnd", actual: formatDate(d) }];
    },
  };
};

/** later > earlier. */
export const after: KindCompiler<AfterRule> = (rule, scope) => {
  const later = scope.ref(rule.later);
  const earlier = scope.ref(rule.earlier);
  if (later.index < 0 || earlier.index < 0) return null;
  const [laterAt, earlierAt] = [later.slot, earlier.slot];
  return {
    cells: [later, earlier],
    run(ctx) {
      const l = dateOf(ctx.cur.atSlot(laterAt));
      const e = dateOf(ctx.cur.atSlot(earlierAt));
      if (!l || !e || compareDates(l, e) > 0) return NONE;
      return [{ code: "date.notAfter", expected: `after ${formatDate(e)}`, actual: formatDate(l) }];
    },
  };
};

/** Submitted on or before the n-th Hong Kong business day after the month end. */
export const deadline: KindCompiler<DeadlineRule> = (rule, scope) => {
  const submitted = scope.ref(rule.submitted);
  const end = scope.ref(rule.monthEnd);
  if (submitted.index < 0 || end.index < 0) return null;
  const [submittedAt, endAt] = [submitted.slot, end.slot];
  return {
    cells: [submitted, end],
    run(ctx) {
      const s = dateOf(ctx.cur.atSlot(submittedAt));
      const e = dateOf(ctx.cur.atSlot(endAt));
      if (!s || !e) return NONE;
      // the holiday table covers the year after the month end too (January deadlines)
      if (!ctx.coveredYear(e.year) || !ctx.coveredYear(e.year + (e.month === 12 ? 1 : 0)))
        return NONE;
      const last = nthBusinessDayAfter(e, rule.businessDays, (day) => ctx.holidays.has(day));
      if (compareDates(s, last) <= 0) return NONE;
      return [
        {
          code: "date.late",
          expected: `on or before ${formatDate(last)}`,
          actual: formatDate(s),
          params: { days: String(rule.businessDays) },
        },
      ];
    },
  };
};

/** Event dates fall inside the month; approval dates on or before its end. */
export const eventDates: KindCompiler<EventDatesRule> = (rule, scope) => {
  const end = scope.ref(rule.monthEnd);
  const inMonth = rule.inMonth.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  const byEnd = rule.byMonthEnd.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  if (end.index < 0 || inMonth.length + byEnd.length === 0) return null;
  const [endAt, inMonthAts, byEndAts] = [end.slot, slotsIn(inMonth), slotsIn(byEnd)];
  return {
    cells: [...inMonth, ...byEnd, end],
    run(ctx) {
      const e = dateOf(ctx.cur.atSlot(endAt));
      if (!e) return NONE;
      let first: YMD | null = null; // built only when there is a date to compare
      let out: Outcome[] | null = null; // built only when a date is out of place
      for (let k = 0; k < inMonthAts.length; k++) {
        const d = dateOf(ctx.cur.atSlot(inMonthAts[k]));
        if (!d) continue;
        first ??= { year: e.year, month: e.month, day: 1 };
        if (compareDates(d, first) >= 0 && compareDates(d, e) <= 0) continue;
        (out ??= []).push({
          code: "date.outsideMonth",
          cells: [inMonth[k], end],
          expected: `${formatDate(first)} to ${formatDate(e)}`,
          actual: formatDate(d),
        });
      }
      for (let k = 0; k < byEndAts.length; k++) {
        const d = dateOf(ctx.cur.atSlot(byEndAts[k]));
        if (!d || compareDates(d, e) <= 0) continue;
        (out ??= []).push({
          code: "date.afterMonthEnd",
          cells: [byEnd[k], end],
          expected: `on or before ${formatDate(e)}`,
          actual: formatDate(d),
        });
      }
      return out ?? NONE;
    },
  };
};
