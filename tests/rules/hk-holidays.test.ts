import { coveredYears, HK_HOLIDAYS, holidaySet, isCovered } from "../../src/rules/hk-holidays";
import {
  businessDayAfter,
  dayOfWeek,
  formatDate,
  fromIso,
  toIso,
  type YMD,
} from "../../src/values/dates";

const ymd = (year: number, month: number, day: number): YMD => ({ year, month, day });
const businessDays = (monthEnd: YMD, count: number): string[] =>
  Array.from({ length: count }, (_, i) =>
    formatDate(businessDayAfter(monthEnd, i + 1, holidaySet()))
  );

describe("the deadline figures of the form spec", () => {
  test("1, 2 and 5 December 2011 are business days 1-3; the 5th is 07/12/2011", () => {
    expect(businessDays(ymd(2011, 11, 30), 5)).toEqual([
      "01/12/2011",
      "02/12/2011",
      "05/12/2011",
      "06/12/2011",
      "07/12/2011",
    ]);
  });

  test("after 31/12/2025, 1 January is a holiday: business days are 2, 5, 6, 7, 8 January", () => {
    expect(holidaySet().has("2026-01-01")).toBe(true);
    expect(businessDays(ymd(2025, 12, 31), 5)).toEqual([
      "02/01/2026",
      "05/01/2026",
      "06/01/2026",
      "07/01/2026",
      "08/01/2026",
    ]);
  });

  test("after 30/06/2026, 1 July is a holiday and business days are 2, 3, 6, 7, 8 July", () => {
    expect(holidaySet().has("2026-07-01")).toBe(true);
    expect(businessDays(ymd(2026, 6, 30), 5)).toEqual([
      "02/07/2026",
      "03/07/2026",
      "06/07/2026",
      "07/07/2026",
      "08/07/2026",
    ]);
  });

  test.each<[YMD, string]>([
    [ymd(2013, 1, 31), "07/02/2013"],
    [ymd(2025, 1, 31), "07/02/2025"],
    [ymd(2021, 3, 31), "12/04/2021"],
    [ymd(2026, 3, 31), "10/04/2026"],
    [ymd(2024, 1, 31), "07/02/2024"],
    [ymd(2023, 9, 30), "09/10/2023"],
  ])("the 5th business day after %p is %s", (monthEnd, deadline) => {
    expect(formatDate(businessDayAfter(monthEnd, 5, holidaySet()))).toBe(deadline);
  });
});

describe("substitutes and rule changes", () => {
  test.each([
    ["2010-02-13", "2010: Lunar New Year's Day on a Sunday moved to the day before"],
    ["2010-04-06", "2010: Ching Ming on Easter Monday"],
    ["2012-10-02", "2012: National Day also the day following Mid-Autumn"],
    ["2013-02-13", "2013: the fourth day of Lunar New Year"],
    ["2015-04-07", "2015: Ching Ming on Easter Sunday"],
    ["2015-09-03", "2015: one-off holiday"],
    ["2016-12-27", "2016: Christmas on a Sunday"],
    ["2022-09-12", "2022: the second day following Mid-Autumn"],
    ["2023-01-02", "2023: the first of January on a Sunday"],
    ["2026-04-07", "2026: Ching Ming on Easter Sunday"],
  ])("lists %s (%s)", (date) => {
    expect(holidaySet().has(date)).toBe(true);
  });

  test.each(["2010-02-17", "2025-09-03", "2026-12-28", "2011-12-28"])(
    "does not list the working day %s",
    (date) => {
      expect(holidaySet().has(date)).toBe(false);
    }
  );
});

describe("the table is well formed", () => {
  test("covers 2010 through 2027 and nothing else", () => {
    expect(coveredYears()).toEqual(Array.from({ length: 18 }, (_, i) => 2010 + i));
    expect(isCovered(2010)).toBe(true);
    expect(isCovered(2027)).toBe(true);
    expect(isCovered(2009)).toBe(false);
    expect(isCovered(2028)).toBe(false);
  });

  test.each(coveredYears())(
    "%i: valid ISO dates of its own year, sorted, unique, never a Sunday",
    (year) => {
      const entries = HK_HOLIDAYS[year] ?? [];
      const dates = entries.map((h) => h.date);
      for (const { date, name } of entries) {
        const d = fromIso(date);
        expect(d).not.toBeNull();
        expect(d!.year).toBe(year);
        expect(toIso(d!)).toBe(date);
        expect(name.length).toBeGreaterThan(0);
        // a Sunday is a holiday anyway; the gazette lists its substitute instead
        expect(dayOfWeek(d!)).not.toBe(0);
      }
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  );

  test.each(coveredYears())("%i lists the 17 general holidays (18 in 2015)", (year) => {
    expect(HK_HOLIDAYS[year]).toHaveLength(year === 2015 ? 18 : 17);
  });

  test.each(coveredYears())("%i has New Year, HKSAR Establishment Day and Christmas", (year) => {
    const dates = new Set((HK_HOLIDAYS[year] ?? []).map((h) => h.date.slice(5)));
    expect(dates.has("01-01") || dates.has("01-02")).toBe(true);
    expect(dates.has("07-01") || dates.has("07-02")).toBe(true);
    expect(dates.has("12-25") || dates.has("12-26")).toBe(true);
  });

  test("holidaySet is built once and holds every entry", () => {
    const total = coveredYears().reduce((n, y) => n + (HK_HOLIDAYS[y]?.length ?? 0), 0);
    expect(holidaySet()).toBe(holidaySet());
    expect(holidaySet().size).toBe(total);
  });
});
