import { decToString } from "../../src/values/decimal";
import { parseCell, type Parsed } from "../../src/values/parse";

describe("dates", () => {
  test.each<[unknown, number, number, number]>([
    ["30/6/2004", 2004, 6, 30],
    ["05/12/2011", 2011, 12, 5],
    ["22/1/2007", 2007, 1, 22],
    ["31 /03/2017", 2017, 3, 31],
    [" 30 / 11 / 2011 ", 2011, 11, 30],
    ["30-06-2004", 2004, 6, 30],
    ["30.06.2004", 2004, 6, 30],
    ["29/02/2024", 2024, 2, 29],
    ["4 March 2017", 2017, 3, 4],
    ["05 July 2017", 2017, 7, 5],
    ["4 February 2019", 2019, 2, 4],
    ["30 June 2026", 2026, 6, 30],
    ["4 Feb 2019", 2019, 2, 4],
    ["4 Sept 2019", 2019, 9, 4],
    ["4th March 2017", 2017, 3, 4],
    ["30-Jun-2026", 2026, 6, 30],
    ["July 31, 2017", 2017, 7, 31],
    ["31 July, 2017", 2017, 7, 31],
    ["Monday, 5 December 2011", 2011, 12, 5],
    ["2011-11-30", 2011, 11, 30],
    ["2011/11/30", 2011, 11, 30],
    [40877, 2011, 11, 30],
    [40877.75, 2011, 11, 30],
    [1, 1900, 1, 1],
    [59, 1900, 2, 28],
    [61, 1900, 3, 1],
    [46203, 2026, 6, 30],
  ])("reads %p as %i-%i-%i", (input, year, month, day) => {
    expect(parseCell(input, "date")).toMatchObject({ tag: "date", year, month, day });
  });

  test.each<[unknown, string]>([
    ["31/02/2011", "February 2011 has 28 days"],
    ["29/02/2023", "February 2023 has 28 days"],
    ["0/1/2011", "there is no day 0"],
    ["1/13/2011", "there is no month 13"],
    ["12/31/2011", "there is no month 31"],
    ["5/12/11", "the year has two digits"],
    ["4 Mar 17", "the year has two digits"],
    ["1/1/1899", "before 1900"],
    ["next Tuesday", "write the date as dd/mm/yyyy"],
    ["30/6/2004/1", "write the date as dd/mm/yyyy"],
    ["40877", "write the date as dd/mm/yyyy"],
    ["4 Marchember 2017", "write the date as dd/mm/yyyy"],
    [60, "29/02/1900, a day that never was"],
    [0, "serials run from 1"],
    [-5, "serials run from 1"],
    [3e6, "serials run from 1"],
    [true, "TRUE is not a date"],
  ])("reports %p as a date problem (%s)", (input, fragment) => {
    const p = parseCell(input, "date");
    expect(p.tag).toBe("problem");
    if (p.tag !== "problem") return;
    expect(p.message).toContain(fragment);
    if (typeof input === "string") expect(p.message).toContain(`"${input}"`);
  });

  test("a bad date says how to write one", () => {
    const p = parseCell("5/12/11", "date");
    expect(p.tag === "problem" && p.message).toContain(
      "write the date as dd/mm/yyyy, e.g. 05/12/2011"
    );
  });

  test.each<[unknown, string]>([
    ["", "blank"],
    ["(/ /)", "blank"],
    ["( / / )", "blank"],
    ["/ /", "blank"],
    [null, "blank"],
    ["Nil", "nil"],
    ["-", "nil"],
    ["N/A", "na"],
  ])("reads %p in a date cell as %s", (input, tag) => {
    expect(parseCell(input, "date").tag).toBe(tag);
  });
});

describe("text cells", () => {
  test.each(["Kingsoft Corporation Limited", "<img onerror=alert(1)>", "N/A", " padded ", "#REF!"])(
    "keeps %p verbatim",
    (text) => {
      expect(parseCell(text, "text")).toEqual({ tag: "text", text });
    }
  );

  test.each<unknown>(["", "  ", null, undefined])("reads %p as blank", (input) => {
    expect(parseCell(input, "text")).toEqual({ tag: "blank" });
  });

  test("writes numbers and booleans as text", () => {
    expect(parseCell(3888, "text")).toEqual({ tag: "text", text: "3888" });
    expect(parseCell(true, "text")).toEqual({ tag: "text", text: "TRUE" });
  });
});

describe("money lists", () => {
  const items = (p: Parsed) =>
    p.tag === "moneyList" ? p.items.map((i) => [decToString(i.value), i.currency]) : p;

  test.each<[unknown, (string | null)[][]]>([
    [
      "HK$80,000,000 and US$1,000,000",
      [
        ["80000000", "HKD"],
        ["1000000", "USD"],
      ],
    ],
    ["US$1,200,000.00", [["1200000", "USD"]]],
    ["1,200,000", [["1200000", null]]],
    [
      "HK$1 & US$2",
      [
        ["1", "HKD"],
        ["2", "USD"],
      ],
    ],
    [
      "HK$1; US$2",
      [
        ["1", "HKD"],
        ["2", "USD"],
      ],
    ],
    [
      "HK$1 + US$2",
      [
        ["1", "HKD"],
        ["2", "USD"],
      ],
    ],
    [
      "HK$1\nUS$2",
      [
        ["1", "HKD"],
        ["2", "USD"],
      ],
    ],
    [
      "HK$1,000, US$2,000",
      [
        ["1000", "HKD"],
        ["2000", "USD"],
      ],
    ],
    [
      "HK$1,000,US$2,000",
      [
        ["1000", "HKD"],
        ["2000", "USD"],
      ],
    ],
    [
      "1,000, 2,000",
      [
        ["1000", null],
        ["2000", null],
      ],
    ],
    [
      "HK$80,000,000 AND US$1,000,000 and RMB 5",
      [
        ["80000000", "HKD"],
        ["1000000", "USD"],
        ["5", "CNY"],
      ],
    ],
    [1200000, [["1200000", null]]],
  ])("reads %p as its amounts", (input, expected) => {
    expect(items(parseCell(input, "moneyList"))).toEqual(expected);
  });

  test.each<[unknown, string]>([
    ["N/A", "na"],
    ["Nil", "nil"],
    ["", "blank"],
    ["HK$80,000,000 and about US$1", "problem"],
    ["1,23,4", "problem"],
    ["TBC", "problem"],
  ])("reads %p as %s", (input, tag) => {
    expect(parseCell(input, "moneyList").tag).toBe(tag);
  });

  test("a bad list names the piece that does not read", () => {
    const p = parseCell("HK$1 and lots", "moneyList");
    expect(p.tag === "problem" && p.message).toContain('"lots"');
  });
});
