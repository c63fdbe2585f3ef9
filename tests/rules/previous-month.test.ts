import { checkMonths, previousNotices } from "../../src/rules/previous-month";
import type { MonthInput } from "../../src/rules/reconcile";
import { loadFixture } from "../support/fixtures";

const november = loadFixture("seed-kingsoft-2011-11.json").month;
const october = loadFixture("seed-kingsoft-2011-10.json").month;

const withValues = (month: MonthInput, change: Record<string, string>): MonthInput => ({
  ...month,
  values: { ...month.values, ...change },
});
const codes = (month: MonthInput, previous: MonthInput): string[] =>
  previousNotices(month, previous).map((n) => n.code);

describe("last month's return is used only when it is last month's of this issuer", () => {
  test("October 2011 of the same issuer is November's last month: the checks run", () => {
    const checked = checkMonths(november, october);
    expect(checked).toMatchObject({ notices: [], crossMonth: true });
  });

  test.each<[string, string]>([
    ["five years earlier", "31/10/2006"],
    ["the same month", "30/11/2011"],
    ["a month later", "31/12/2011"],
    ["a day short of the month end", "30/10/2011"],
  ])("a return for %s is skipped with a notice", (_name, monthEnded) => {
    const previous = withValues(october, { "hdr.monthEnded": monthEnded });
    expect(codes(november, previous)).toEqual(["previous.month"]);
    const checked = checkMonths(november, previous);
    expect(checked.crossMonth).toBe(false);
    expect(checked.findings.filter((f) => f.ruleId === "month.continuity")).toEqual([]);
  });

  test("December is January's last month, across the year", () => {
    const january = withValues(november, { "hdr.monthEnded": "31/01/2012" });
    const december = withValues(october, { "hdr.monthEnded": "31/12/2011" });
    expect(codes(january, december)).toEqual([]);
  });

  test("February's end follows the calendar: 29/02 in a leap year", () => {
    const march = withValues(november, { "hdr.monthEnded": "31/03/2024" });
    expect(codes(march, withValues(october, { "hdr.monthEnded": "29/02/2024" }))).toEqual([]);
    expect(codes(march, withValues(october, { "hdr.monthEnded": "28/02/2024" }))).toEqual([
      "previous.month",
    ]);
  });

  test("another stock code is another issuer, whatever the name", () => {
    const other = withValues(october, { "auth.ord1.stockCode": "3889" });
    const notices = previousNotices(november, other);
    expect(notices.map((n) => n.code)).toEqual(["previous.issuer"]);
    expect(notices[0].message).toContain("its stock code 3889 is not this return's 3888");
  });

  test("a renamed issuer with the same stock code is the same issuer", () => {
    const renamed = withValues(october, { "hdr.issuer": "Kingsoft Holdings Limited" });
    expect(codes(november, renamed)).toEqual([]);
  });

  test("without stock codes, the names decide, ignoring case and punctuation", () => {
    const noCode = { "auth.ord1.stockCode": "" };
    const cur = withValues(november, noCode);
    const same = withValues(october, { ...noCode, "hdr.issuer": "KINGSOFT CORPORATION LIMITED." });
    expect(codes(cur, same)).toEqual([]);
    const other = withValues(october, { ...noCode, "hdr.issuer": "Example Holdings Limited" });
    expect(codes(cur, other)).toEqual(["previous.issuer"]);
  });

  test("a name written short for the full one is the same issuer; a longer other name is not", () => {
    const noCode = { "auth.ord1.stockCode": "" };
    const cur = withValues(november, { ...noCode, "hdr.issuer": "Kingsoft" });
    expect(codes(cur, withValues(october, noCode))).toEqual([]);
    const other = withValues(october, { ...noCode, "hdr.issuer": "Kingsoftware Holdings" });
    expect(codes(withValues(november, noCode), other)).toEqual(["previous.issuer"]);
  });

  test("a return on the other form family is skipped", () => {
    const ff301 = loadFixture("ff301-single-class-no-movement-2026-04.json").month;
    expect(codes(november, ff301)).toEqual(["previous.form"]);
    expect(codes(ff301, november)).toEqual(["previous.form"]);
  });

  test("a month end that does not read leaves the month unknown: skipped, said so", () => {
    const undated = withValues(october, { "hdr.monthEnded": "TBC" });
    expect(codes(november, undated)).toEqual(["previous.undated"]);
  });

  test("no previous return: no notice, no cross-month check", () => {
    expect(checkMonths(november)).toMatchObject({ notices: [], crossMonth: false });
  });
});
