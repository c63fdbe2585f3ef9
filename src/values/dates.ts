/**
 * Calendar arithmetic on plain year-month-day values. No `Date` objects: a return's dates have no
 * time or zone, and `Date` would shift them by the machine's offset.
 */

/** A calendar date; month 1-12, day 1-31. */
export type YMD = { readonly year: number; readonly month: number; readonly day: number };

/** English month names, January first, as the form writes dates in words. */
export const MONTH_NAMES: readonly string[] = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for Gregorian leap years (2000 and 2024 are; 1900 and 2100 are not). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Returns the number of days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS[month - 1] ?? 0);
}

/** True when the fields name a real date in years 1 to 9999. */
export function isValidDate(d: YMD): boolean {
  return (
    Number.isInteger(d.year) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.year >= 1 &&
    d.year <= 9999 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** True when the date is the last calendar day of its month (the form's "month ended"). */
export function isLastDayOfMonth(d: YMD): boolean {
  return d.day === daysInMonth(d.year, d.month);
}

/** Compares two dates: -1 when a is earlier, 0 when the same day, 1 when later. */
export function compareDates(a: YMD, b: YMD): -1 | 0 | 1 {
  const x = a.year * 10000 + a.month * 100 + a.day;
  const y = b.year * 10000 + b.month * 100 + b.day;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Returns the number of days from 1970-01-01 to the date (negative before it). */
export function toDayNumber(d: YMD): number {
  // count in years that start on 1 March, so the leap day is the last day of its year
  const y = d.month <= 2 ? d.year - 1 : d.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (d.month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + d.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Returns the date that is `n` days after 1970-01-01 (the inverse of toDayNumber). */
export function fromDayNumber(n: number): YMD {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Returns the date `n` days later (earlier when n is negative). */
export function addDays(d: YMD, n: number): YMD {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Returns the weekday, 0 = Sunday to 6 = Saturday. */
export function dayOfWeek(d: YMD): number {
  // 1970-01-01 was a Thursday
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Writes a date as the form asks, "dd/mm/yyyy" ("05/12/2011"). */
export function formatDate(d: YMD): string {
  return `${pad(d.day, 2)}/${pad(d.month, 2)}/${pad(d.year, 4)}`;
}

/** Writes a date in words as FF301 does ("30 June 2026"). */
export function formatDateWords(d: YMD): string {
  return `${d.day} ${MONTH_NAMES[d.month - 1] ?? "?"} ${d.year}`;
}

/** Writes a date as ISO 8601, "yyyy-mm-dd", the key of the holiday tables. */
export function toIso(d: YMD): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads a strict ISO date "yyyy-mm-dd"; null when malformed or not a real date. */
export function fromIso(text: string): YMD | null {
  const m = ISO.exec(text);
  if (m === null) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : null;
}

/**
 * Returns the n-th business day (Monday to Friday, not a holiday) after the given date, where
 * `isHoliday` answers for a day number (toDayNumber).
 */
export function nthBusinessDayAfter(
  monthEnd: YMD,
  n: number,
  isHoliday: (dayNumber: number) => boolean
): YMD {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number >= 1: ${n}`);
  let day = toDayNumber(monthEnd);
  let found = 0;
  while (found < n) {
    day++;
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6 && !isHoliday(day)) found++;
  }
  return fromDayNumber(day);
}

/** Returns the n-th business day (Monday to Friday, not a listed holiday) after the given date. */
export function businessDayAfter(monthEnd: YMD, n: number, holidays: ReadonlySet<string>): YMD {
  return nthBusinessDayAfter(monthEnd, n, (day) => holidays.has(toIso(fromDayNumber(day))));
}

// Excel's serial 1 is 1900-01-01, and it counts a 29 February 1900 that never was (serial 60)
const EXCEL_EPOCH = toDayNumber({ year: 1899, month: 12, day: 30 });
const LAST_SERIAL = 2958465; // 31/12/9999, Excel's last date

/** Returns the date of an Excel serial (1900 system, time dropped), or null (60, out of range). */
export function fromExcelSerial(serial: number): YMD | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > LAST_SERIAL || whole === 60) return null;
  return fromDayNumber(EXCEL_EPOCH + (whole < 60 ? whole + 1 : whole));
}

/** Returns the Excel serial (1900 system) of a date from 1 January 1900 on, as Excel numbers it. */
export function toExcelSerial(d: YMD): number {
  const serial = toDayNumber(d) - EXCEL_EPOCH;
  return serial <= 60 ? serial - 1 : serial;
}
