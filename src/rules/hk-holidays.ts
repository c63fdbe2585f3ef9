/**
 * Hong Kong general holidays, 2010 to 2027, for the `hdr.deadline` rule (a return is due by the
 * 5th business day after the month end; a business day is Monday to Friday and not one of these).
 *
 * Source: the lists of general holidays the HKSAR Government gazettes each year under the General
 * Holidays Ordinance (Cap. 149), published on GovHK as "General holidays for <year>". Written from
 * those lists and the Ordinance's substitution rules, and checked against published copies of the
 * 2010, 2012, 2014, 2021 and 2025 lists and an independent holiday library for the lunar dates.
 * Check a year against GovHK before relying on it for anything beyond a warning.
 * Sundays are not listed: every Sunday is a general holiday and the weekday rule already excludes
 * it; a holiday that falls on a Sunday appears as its substitute ("The day following ...").
 * Saturdays are listed when gazetted. Rules that changed: up to 2011 a Lunar New Year's Day on a
 * Sunday moved to the day before (2010); from 2012 any of the first three days on a Sunday adds the
 * fourth day. 3 September 2015 was a one-off holiday (70th anniversary of the War of Resistance).
 *
 * To extend: when the Government gazettes a new year's list (usually in the spring of the year
 * before), add that year's entries below, in date order, as "yyyy-mm-dd" with the gazetted name.
 * A year missing from the table makes `isCovered` false, and the deadline rule is then skipped.
 */

import { fromIso, toDayNumber } from "../values/dates";

/** One general holiday: its ISO date and its gazetted name. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
}

const NY = "The first day of January";
const NY_2 = "The day following the first day of January";
const LNY_EVE = "The day preceding Lunar New Year's Day";
const LNY_1 = "Lunar New Year's Day";
const LNY_2 = "The second day of Lunar New Year";
const LNY_3 = "The third day of Lunar New Year";
const LNY_4 = "The fourth day of Lunar New Year";
const CM = "Ching Ming Festival";
const CM_2 = "The day following Ching Ming Festival";
const GF = "Good Friday";
const GF_2 = "The day following Good Friday";
const EM = "Easter Monday";
const EM_2 = "The day following Easter Monday";
const LAB = "Labour Day";
const LAB_2 = "The day following Labour Day";
const BUD = "The Birthday of the Buddha";
const BUD_2 = "The day following the Birthday of the Buddha";
const TN = "Tuen Ng Festival";
const SAR = "Hong Kong Special Administrative Region Establishment Day";
const SAR_2 = "The day following Hong Kong Special Administrative Region Establishment Day";
const MA = "The day following the Chinese Mid-Autumn Festival";
const MA_2 = "The second day following the Chinese Mid-Autumn Festival";
const ND = "National Day";
const ND_2 = "The day following National Day";
const CY = "Chung Yeung Festival";
const CY_2 = "The day following Chung Yeung Festival";
const XM = "Christmas Day";
const XM_1 = "The first weekday after Christmas Day";
const XM_2 = "The second weekday after Christmas Day";
const V70 = "The 70th anniversary of the victory of the Chinese people's war of resistance";

type Row = readonly [date: string, name: string];

// Four holidays a line keeps each year to a few lines; Prettier would put each on its own line.
// prettier-ignore
const TABLE: Readonly<Record<number, readonly Row[]>> = {
  2010: [
    ["2010-01-01", NY], ["2010-02-13", LNY_EVE], ["2010-02-15", LNY_2], ["2010-02-16", LNY_3],
    ["2010-04-02", GF], ["2010-04-03", GF_2], ["2010-04-05", EM], ["2010-04-06", CM_2],
    ["2010-05-01", LAB], ["2010-05-21", BUD], ["2010-06-16", TN], ["2010-07-01", SAR],
    ["2010-09-23", MA], ["2010-10-01", ND], ["2010-10-16", CY], ["2010-12-25", XM],
    ["2010-12-27", XM_1],
  ],
  2011: [
    ["2011-01-01", NY], ["2011-02-03", LNY_1], ["2011-02-04", LNY_2], ["2011-02-05", LNY_3],
    ["2011-04-05", CM], ["2011-04-22", GF], ["2011-04-23", GF_2], ["2011-04-25", EM],
    ["2011-05-02", LAB_2], ["2011-05-10", BUD], ["2011-06-06", TN], ["2011-07-01", SAR],
    ["2011-09-13", MA], ["2011-10-01", ND], ["2011-10-05", CY], ["2011-12-26", XM_1],
    ["2011-12-27", XM_2],
  ],
  2012: [
    ["2012-01-02", NY_2], ["2012-01-23", LNY_1], ["2012-01-24", LNY_2], ["2012-01-25", LNY_3],
    ["2012-04-04", CM], ["2012-04-06", GF], ["2012-04-07", GF_2], ["2012-04-09", EM],
    ["2012-04-28", BUD], ["2012-05-01", LAB], ["2012-06-23", TN], ["2012-07-02", SAR_2],
    ["2012-10-01", ND], ["2012-10-02", ND_2], ["2012-10-23", CY], ["2012-12-25", XM],
    ["2012-12-26", XM_1],
  ],
  2013: [
    ["2013-01-01", NY], ["2013-02-11", LNY_2], ["2013-02-12", LNY_3], ["2013-02-13", LNY_4],
    ["2013-03-29", GF], ["2013-03-30", GF_2], ["2013-04-01", EM], ["2013-04-04", CM],
    ["2013-05-01", LAB], ["2013-05-17", BUD], ["2013-06-12", TN], ["2013-07-01", SAR],
    ["2013-09-20", MA], ["2013-10-01", ND], ["2013-10-14", CY_2], ["2013-12-25", XM],
    ["2013-12-26", XM_1],
  ],
  2014: [
    ["2014-01-01", NY], ["2014-01-31", LNY_1], ["2014-02-01", LNY_2], ["2014-02-03", LNY_4],
    ["2014-04-05", CM], ["2014-04-18", GF], ["2014-04-19", GF_2], ["2014-04-21", EM],
    ["2014-05-01", LAB], ["2014-05-06", BUD], ["2014-06-02", TN], ["2014-07-01", SAR],
    ["2014-09-09", MA], ["2014-10-01", ND], ["2014-10-02", CY], ["2014-12-25", XM],
    ["2014-12-26", XM_1],
  ],
  2015: [
    ["2015-01-01", NY], ["2015-02-19", LNY_1], ["2015-02-20", LNY_2], ["2015-02-21", LNY_3],
    ["2015-04-03", GF], ["2015-04-04", GF_2], ["2015-04-06", CM_2], ["2015-04-07", EM_2],
    ["2015-05-01", LAB], ["2015-05-25", BUD], ["2015-06-20", TN], ["2015-07-01", SAR],
    ["2015-09-03", V70], ["2015-09-28", MA], ["2015-10-01", ND], ["2015-10-21", CY],
    ["2015-12-25", XM], ["2015-12-26", XM_1],
  ],
  2016: [
    ["2016-01-01", NY], ["2016-02-08", LNY_1], ["2016-02-09", LNY_2], ["2016-02-10", LNY_3],
    ["2016-03-25", GF], ["2016-03-26", GF_2], ["2016-03-28", EM], ["2016-04-04", CM],
    ["2016-05-02", LAB_2], ["2016-05-14", BUD], ["2016-06-09", TN], ["2016-07-01", SAR],
    ["2016-09-16", MA], ["2016-10-01", ND], ["2016-10-10", CY_2], ["2016-12-26", XM_1],
    ["2016-12-27", XM_2],
  ],
  2017: [
    ["2017-01-02", NY_2], ["2017-01-28", LNY_1], ["2017-01-30", LNY_3], ["2017-01-31", LNY_4],
    ["2017-04-04", CM], ["2017-04-14", GF], ["2017-04-15", GF_2], ["2017-04-17", EM],
    ["2017-05-01", LAB], ["2017-05-03", BUD], ["2017-05-30", TN], ["2017-07-01", SAR],
    ["2017-10-02", ND_2], ["2017-10-05", MA], ["2017-10-28", CY], ["2017-12-25", XM],
    ["2017-12-26", XM_1],
  ],
  2018: [
    ["2018-01-01", NY], ["2018-02-16", LNY_1], ["2018-02-17", LNY_2], ["2018-02-19", LNY_4],
    ["2018-03-30", GF], ["2018-03-31", GF_2], ["2018-04-02", EM], ["2018-04-05", CM],
    ["2018-05-01", LAB], ["2018-05-22", BUD], ["2018-06-18", TN], ["2018-07-02", SAR_2],
    ["2018-09-25", MA], ["2018-10-01", ND], ["2018-10-17", CY], ["2018-12-25", XM],
    ["2018-12-26", XM_1],
  ],
  2019: [
    ["2019-01-01", NY], ["2019-02-05", LNY_1], ["2019-02-06", LNY_2], ["2019-02-07", LNY_3],
    ["2019-04-05", CM], ["2019-04-19", GF], ["2019-04-20", GF_2], ["2019-04-22", EM],
    ["2019-05-01", LAB], ["2019-05-13", BUD_2], ["2019-06-07", TN], ["2019-07-01", SAR],
    ["2019-09-14", MA], ["2019-10-01", ND], ["2019-10-07", CY], ["2019-12-25", XM],
    ["2019-12-26", XM_1],
  ],
  2020: [
    ["2020-01-01", NY], ["2020-01-25", LNY_1], ["2020-01-27", LNY_3], ["2020-01-28", LNY_4],
    ["2020-04-04", CM], ["2020-04-10", GF], ["2020-04-11", GF_2], ["2020-04-13", EM],
    ["2020-04-30", BUD], ["2020-05-01", LAB], ["2020-06-25", TN], ["2020-07-01", SAR],
    ["2020-10-01", ND], ["2020-10-02", MA], ["2020-10-26", CY_2], ["2020-12-25", XM],
    ["2020-12-26", XM_1],
  ],
  2021: [
    ["2021-01-01", NY], ["2021-02-12", LNY_1], ["2021-02-13", LNY_2], ["2021-02-15", LNY_4],
    ["2021-04-02", GF], ["2021-04-03", GF_2], ["2021-04-05", CM_2], ["2021-04-06", EM_2],
    ["2021-05-01", LAB], ["2021-05-19", BUD], ["2021-06-14", TN], ["2021-07-01", SAR],
    ["2021-09-22", MA], ["2021-10-01", ND], ["2021-10-14", CY], ["2021-12-25", XM],
    ["2021-12-27", XM_1],
  ],
  2022: [
    ["2022-01-01", NY], ["2022-02-01", LNY_1], ["2022-02-02", LNY_2], ["2022-02-03", LNY_3],
    ["2022-04-05", CM], ["2022-04-15", GF], ["2022-04-16", GF_2], ["2022-04-18", EM],
    ["2022-05-02", LAB_2], ["2022-05-09", BUD_2], ["2022-06-03", TN], ["2022-07-01", SAR],
    ["2022-09-12", MA_2], ["2022-10-01", ND], ["2022-10-04", CY], ["2022-12-26", XM_1],
    ["2022-12-27", XM_2],
  ],
  2023: [
    ["2023-01-02", NY_2], ["2023-01-23", LNY_2], ["2023-01-24", LNY_3], ["2023-01-25", LNY_4],
    ["2023-04-05", CM], ["2023-04-07", GF], ["2023-04-08", GF_2], ["2023-04-10", EM],
    ["2023-05-01", LAB], ["2023-05-26", BUD], ["2023-06-22", TN], ["2023-07-01", SAR],
    ["2023-09-30", MA], ["2023-10-02", ND_2], ["2023-10-23", CY], ["2023-12-25", XM],
    ["2023-12-26", XM_1],
  ],
  2024: [
    ["2024-01-01", NY], ["2024-02-10", LNY_1], ["2024-02-12", LNY_3], ["2024-02-13", LNY_4],
    ["2024-03-29", GF], ["2024-03-30", GF_2], ["2024-04-01", EM], ["2024-04-04", CM],
    ["2024-05-01", LAB], ["2024-05-15", BUD], ["2024-06-10", TN], ["2024-07-01", SAR],
    ["2024-09-18", MA], ["2024-10-01", ND], ["2024-10-11", CY], ["2024-12-25", XM],
    ["2024-12-26", XM_1],
  ],
  2025: [
    ["2025-01-01", NY], ["2025-01-29", LNY_1], ["2025-01-30", LNY_2], ["2025-01-31", LNY_3],
    ["2025-04-04", CM], ["2025-04-18", GF], ["2025-04-19", GF_2], ["2025-04-21", EM],
    ["2025-05-01", LAB], ["2025-05-05", BUD], ["2025-05-31", TN], ["2025-07-01", SAR],
    ["2025-10-01", ND], ["2025-10-07", MA], ["2025-10-29", CY], ["2025-12-25", XM],
    ["2025-12-26", XM_1],
  ],
  2026: [
    ["2026-01-01", NY], ["2026-02-17", LNY_1], ["2026-02-18", LNY_2], ["2026-02-19", LNY_3],
    ["2026-04-03", GF], ["2026-04-04", GF_2], ["2026-04-06", CM_2], ["2026-04-07", EM_2],
    ["2026-05-01", LAB], ["2026-05-25", BUD_2], ["2026-06-19", TN], ["2026-07-01", SAR],
    ["2026-09-26", MA], ["2026-10-01", ND], ["2026-10-19", CY_2], ["2026-12-25", XM],
    ["2026-12-26", XM_1],
  ],
  2027: [
    ["2027-01-01", NY], ["2027-02-06", LNY_1], ["2027-02-08", LNY_3], ["2027-02-09", LNY_4],
    ["2027-03-26", GF], ["2027-03-27", GF_2], ["2027-03-29", EM], ["2027-04-05", CM],
    ["2027-05-01", LAB], ["2027-05-13", BUD], ["2027-06-09", TN], ["2027-07-01", SAR],
    ["2027-09-16", MA], ["2027-10-01", ND], ["2027-10-08", CY], ["2027-12-25", XM],
    ["2027-12-27", XM_1],
  ],
};

/** Hong Kong general holidays by year (Sundays aside), each an ISO date with its gazetted name. */
export const HK_HOLIDAYS: Readonly<Record<number, readonly Holiday[]>> = Object.freeze(
  Object.fromEntries(
    Object.entries(TABLE).map(([year, rows]) => [
      year,
      Object.freeze(rows.map(([date, name]) => Object.freeze({ date, name }))),
    ])
  )
);

const YEARS: readonly number[] = Object.freeze(
  Object.keys(HK_HOLIDAYS)
    .map(Number)
    .sort((a, b) => a - b)
);

let memo: ReadonlySet<string> | null = null;

/** Returns every listed holiday as a set of ISO dates, built once and shared. */
export function holidaySet(): ReadonlySet<string> {
  memo ??= new Set(YEARS.flatMap((year) => (HK_HOLIDAYS[year] ?? []).map((h) => h.date)));
  return memo;
}

let days: ReadonlySet<number> | undefined;

/** Returns every listed holiday as a day number (toDayNumber): a deadline counts days, not text. */
export function holidayDays(): ReadonlySet<number> {
  days ??= new Set(
    [...holidaySet()].flatMap((iso) => {
      const d = fromIso(iso);
      return d === null ? [] : [toDayNumber(d)];
    })
  );
  return days;
}

/** Returns the years the table covers, in ascending order. */
export function coveredYears(): readonly number[] {
  return YEARS;
}

/** True when the table lists the year's holidays, so business days in it can be counted. */
export function isCovered(year: number): boolean {
  return HK_HOLIDAYS[year] !== undefined;
}
