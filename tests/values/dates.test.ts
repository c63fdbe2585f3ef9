import fc from "fast-check";
import {
  addDays,
  businessDayAfter,
  compareDates,
  dayOfWeek,
  daysInMonth,
  formatDate,
  formatDateWords,
  fromDayNumber,
  fromExcelSerial,
  fromIso,
  isLastDayOfMonth,
  isLeapYear,
  isValidDate,
  toDayNumber,
  toExcelSerial,
  toIso,
  type YMD,
} from "../../src/values/dates";

const ymd = (year: number, month: number, day: number): YMD => ({ year, month, day });

describe("calendar facts", () => {
  test.each([
    [2000, true],
    [2024, true],
    [2012, true],
    [1900, false],
    [2100, false],
    [2023, false],
  ])("%i is a leap year: %p", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  test.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2011, 11, 30],
    [2011, 12, 31],
    [2026, 6, 30],
  ])("%i-%i has %i days", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  test.each<[YMD, boolean]>([
    [ymd(2011, 11, 30), true],
    [ymd(2024, 2, 29), true],
    [ymd(2024, 2, 28), false],
    [ymd(2023, 2, 28), true],
    [ymd(2011, 12, 5), false],
  ])("%p is the last day of its month: %p", (d, last) => {
    expect(isLastDayOfMonth(d)).toBe(last);
  });

  test.each<[YMD, boolean]>([
    [ymd(2024, 2, 29), true],
    [ymd(2023, 2, 29), false],
    [ymd(2011, 4, 31), false],
    [ymd(2011, 13, 1), false],
    [ymd(2011, 0, 1), false],
    [ymd(2011, 1, 0), false],
    [ymd(2011.5, 1, 1), false],
  ])("%p is valid: %p", (d, valid) => {
    expect(isValidDate(d)).toBe(valid);
  });

  test.each<[YMD, number]>([
    [ymd(1970, 1, 1), 4],
    [ymd(2011, 11, 30), 3],
    [ymd(2011, 12, 5), 1],
    [ymd(2026, 1, 1), 4],
    [ymd(2026, 7, 1), 3],
    [ymd(2000, 2, 29), 2],
    [ymd(1900, 1, 1), 1],
  ])("%p falls on weekday %i", (d, weekday) => {
    expect(dayOfWeek(d)).toBe(weekday);
  });
});

describe("arithmetic and formatting", () => {
  test("compares dates", () => {
    expect(compareDates(ymd(2011, 12, 5), ymd(2011, 11, 30))).toBe(1);
    expect(compareDates(ymd(2004, 6, 30), ymd(2011, 11, 30))).toBe(-1);
    expect(compareDates(ymd(2011, 11, 30), ymd(2011, 11, 30))).toBe(0);
  });

  test("adds days across months, years and leap days", () => {
    expect(addDays(ymd(2011, 11, 30), 1)).toEqual(ymd(2011, 12, 1));
    expect(addDays(ymd(2024, 2, 28), 1)).toEqual(ymd(2024, 2, 29));
    expect(addDays(ymd(2023, 2, 28), 1)).toEqual(ymd(2023, 3, 1));
    expect(addDays(ymd(2025, 12, 31), 1)).toEqual(ymd(2026, 1, 1));
    expect(addDays(ymd(2026, 1, 1), -1)).toEqual(ymd(2025, 12, 31));
    expect(addDays(ymd(2000, 1, 1), 366)).toEqual(ymd(2001, 1, 1));
  });

  test("day numbers round-trip over years 1 to 9999", () => {
    // -719,162 is 0001-01-01 and 2,932,895 is 9999-12-30, so n + 1 stays in range too
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_895 }), (n) => {
        const d = fromDayNumber(n);
        expect(isValidDate(d)).toBe(true);
        expect(toDayNumber(d)).toBe(n);
        expect(compareDates(d, fromDayNumber(n + 1))).toBe(-1);
      })
    );
  });

  test("writes dates as the form does", () => {
    expect(formatDate(ymd(2011, 12, 5))).toBe("05/12/2011");
    expect(formatDateWords(ymd(2026, 6, 30))).toBe("30 June 2026");
    expect(formatDateWords(ymd(2017, 3, 4))).toBe("4 March 2017");
    expect(toIso(ymd(2011, 11, 30))).toBe("2011-11-30");
  });

  test.each<[string, YMD | null]>([
    ["2011-11-30", ymd(2011, 11, 30)],
    ["2024-02-29", ymd(2024, 2, 29)],
    ["2023-02-29", null],
    ["2011-1-30", null],
    ["30/11/2011", null],
  ])("reads the ISO date %p as %p", (text, d) => {
    expect(fromIso(text)).toEqual(d);
  });
});

describe("Excel serials (1900 system)", () => {
  test.each<[number, YMD | null]>([
    [1, ymd(1900, 1, 1)],
    [59, ymd(1900, 2, 28)],
    [60, null],
    [61, ymd(1900, 3, 1)],
    [40877, ymd(2011, 11, 30)],
    [40882, ymd(2011, 12, 5)],
    [2958465, ymd(9999, 12, 31)],
    [0, null],
    [2958466, null],
    [NaN, null],
  ])("serial %p is %p", (serial, d) => {
    expect(fromExcelSerial(serial)).toEqual(d);
  });

  test("serials round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        const d = fromExcelSerial(serial);
        if (serial === 60) expect(d).toBeNull();
        else expect(toExcelSerial(d!)).toBe(serial);
      })
    );
  });
});

describe("business days", () => {
  const none: ReadonlySet<string> = new Set();

  test("skips weekends: the 5th business day after 30/11/2011 is 07/12/2011", () => {
    const month = ymd(2011, 11, 30);
    expect([1, 2, 3, 4, 5].map((n) => formatDate(businessDayAfter(month, n, none)))).toEqual([
      "01/12/2011",
      "02/12/2011",
      "05/12/2011",
      "06/12/2011",
      "07/12/2011",
    ]);
  });

  test("skips listed holidays", () => {
    const holidays = new Set(["2026-01-01"]);
    const days = [1, 2, 3, 4, 5].map((n) =>
      toIso(businessDayAfter(ymd(2025, 12, 31), n, holidays))
    );
    expect(days).toEqual(["2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"]);
  });

  test("refuses a count below 1", () => {
    expect(() => businessDayAfter(ymd(2011, 11, 30), 0, none)).toThrow(RangeError);
  });
});
