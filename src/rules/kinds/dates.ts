import {
  businessDayAfter,
  compareDates,
  formatDate,
  isLastDayOfMonth,
  type YMD,
} from "../../values/dates";
import type { Parsed } from "../../values/types";
import type { KindCompiler, Outcome } from "../compile";
import type { CellRef } from "../read";
import type { AfterRule, DeadlineRule, EventDatesRule, MonthEndRule } from "../types";

const NONE: readonly Outcome[] = [];

const dateOf = (p: Parsed): YMD | null => (p.tag === "date" ? p : null);

/** The month-end date is the last calendar day of its month. */
export const monthEnd: KindCompiler<MonthEndRule> = (rule, scope) => {
  const cell = scope.ref(rule.cell);
  if (cell.index < 0) return null;
  return {
    cells: [cell],
    run(ctx) {
      const d = dateOf(ctx.cur.at(cell.index));
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
  return {
    cells: [later, earlier],
    run(ctx) {
      const l = dateOf(ctx.cur.at(later.index));
      const e = dateOf(ctx.cur.at(earlier.index));
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
  return {
    cells: [submitted, end],
    run(ctx) {
      const s = dateOf(ctx.cur.at(submitted.index));
      const e = dateOf(ctx.cur.at(end.index));
      if (!s || !e) return NONE;
      // the holiday table covers the year after the month end too (January deadlines)
      if (!ctx.coveredYear(e.year) || !ctx.coveredYear(e.year + (e.month === 12 ? 1 : 0)))
        return NONE;
      const last = businessDayAfter(e, rule.businessDays, ctx.holidays);
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
  return {
    cells: [...inMonth, ...byEnd, end],
    run(ctx) {
      const e = dateOf(ctx.cur.at(end.index));
      if (!e) return NONE;
      const first: YMD = { year: e.year, month: e.month, day: 1 };
      const out: Outcome[] = [];
      const check = (
        cell: CellRef,
        ok: (d: YMD) => boolean,
        code: string,
        expected: string
      ): void => {
        const d = dateOf(ctx.cur.at(cell.index));
        if (d && !ok(d)) out.push({ code, cells: [cell, end], expected, actual: formatDate(d) });
      };
      for (const cell of inMonth) {
        check(
          cell,
          (d) => compareDates(d, first) >= 0 && compareDates(d, e) <= 0,
          "date.outsideMonth",
          `${formatDate(first)} to ${formatDate(e)}`
        );
      }
      for (const cell of byEnd) {
        check(
          cell,
          (d) => compareDates(d, e) <= 0,
          "date.afterMonthEnd",
          `on or before ${formatDate(e)}`
        );
      }
      return out;
    },
  };
};
