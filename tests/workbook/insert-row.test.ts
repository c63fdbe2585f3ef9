import type { HyperFormula } from "hyperformula";
import { layoutOf } from "../../src/form";
import { loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { applyFixture, applyMonth, type MonthSheet } from "./workbook";

const seed = loadFixture("seed-kingsoft-2011-11.json");
let hf: HyperFormula;
let november: MonthSheet;
let rowOfLine2: number;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
  november = applyFixture(hf, seed).month;
  const name = november.plan.names.find((n) => n.field === "A.2.exercised")!;
  rowOfLine2 = hf.simpleCellAddressFromString(name.address, november.sheet.sheetId)!.row;
  // a row inserted between option lines 1 and 2, as the user inserts one in Excel
  hf.addRows(november.sheet.sheetId, [rowOfLine2, 1]);
});

test("the names move with the row: line 2 is one row lower", () => {
  const moved = hf.getNamedExpressionFormula("A_2_exercised", november.sheet.sheetId);
  expect(moved).toMatch(new RegExp(`\\$${rowOfLine2 + 2}$`));
  expect(november.sheet.value("A.2.exercised")).toBe(String(seed.month.values["A.2.exercised"]));
});

test("every check still reads OK and the summary 0", () => {
  const verdicts = november.plan.checks.map((c) => [c.key, november.sheet.checkValue(c.key)]);
  expect(verdicts.filter(([, v]) => v !== "OK")).toEqual([]);
  expect(november.sheet.summary()).toBe("Ready to file");
});

test("the checks read the moved cells: changing line 3's exercised shares is marked", () => {
  november.sheet.setInput("A.3.exercised", "37,001");
  const marks = november.sheet.marks();
  const summary = november.sheet.summary();
  november.sheet.setInput("A.3.exercised", "37,000");
  expect(marks.error).toContain("A.3.exercised");
  expect(summary).toMatch(/\d+ errors?/);
  expect(november.sheet.summary()).toBe("Ready to file");
});

test("the inserted line counts: figures typed into it join the funds and the total", () => {
  const sheet = november.sheet.sheetId;
  /** The cell of the inserted line in the column of line 1's `column`. */
  const inserted = (column: string) => {
    const line1 = hf.getNamedExpressionFormula(`A_1_${column}`, sheet)!;
    const at = hf.simpleCellAddressFromString(line1.slice(1), sheet)!;
    return { ...at, row: at.row + 1 };
  };
  const typed = { exercised: "1,000", price: "US$1.00", issued: "1,000" };
  hf.batch(() => {
    for (const [column, text] of Object.entries(typed)) hf.setCellContents(inserted(column), text);
  });
  const marks = november.sheet.marks();
  const funds = november.plan.checks.find((c) => c.fields.includes("A.funds.1.amount"))!;
  const fundsVerdict = november.sheet.checkValue(funds.key);
  hf.batch(() => {
    for (const column of Object.keys(typed)) hf.setCellContents(inserted(column), null);
  });
  expect(marks.error).toEqual(expect.arrayContaining(["A.funds.1.amount", "A.total.ord1"]));
  expect(fundsVerdict).toMatch(/^Error: .*11,292\.00/);
  expect(november.sheet.summary()).toBe("Ready to file");
});

describe("a row inserted among FF301 option lines", () => {
  const june = loadFixture("ff301-options-treasury-example-2026-06.json");
  const { form, shape } = june.month.layout;
  // June with a second, blank option line, so that a row can go between two lines
  const month = { layout: layoutOf(form, { ...shape, options: 2 }), values: june.month.values };
  let book: HyperFormula;
  let applied: MonthSheet;
  /** The cell of the inserted row (under line 1) in the column of line 1's `column`. */
  const inserted = (column: string) => {
    const line1 = book.getNamedExpressionFormula(`A_1_${column}`, applied.sheet.sheetId)!;
    const at = book.simpleCellAddressFromString(line1.slice(1), applied.sheet.sheetId)!;
    return { ...at, row: at.row + 1 };
  };

  beforeAll(async () => {
    book = await hkmrHyperFormula();
    applied = applyMonth(book, month);
    const name = applied.plan.names.find((n) => n.field === "A.2.exercised")!;
    const row = book.simpleCellAddressFromString(name.address, applied.sheet.sheetId)!.row;
    book.addRows(applied.sheet.sheetId, [row, 1]);
  });

  test("reads as a blank line: every check still OK and the summary 0", () => {
    const verdicts = applied.plan.checks.map((c) => [c.key, applied.sheet.checkValue(c.key)]);
    expect(verdicts.filter(([, v]) => v !== "OK")).toEqual([]);
    expect(applied.sheet.summary()).toBe("Ready to file");
  });

  test("counts what is typed into it: new shares there join the class's AA1 subtotal", () => {
    const typed = { class: "Ordinary shares", issued: "1,000" };
    book.batch(() => {
      for (const [column, text] of Object.entries(typed))
        book.setCellContents(inserted(column), text);
    });
    const marks = applied.sheet.marks();
    const subtotal = applied.plan.checks.find(
      (c) => c.ruleId === "part.subtotals" && c.fields[0] === "A.total.c1"
    )!;
    const verdict = applied.sheet.checkValue(subtotal.key);
    book.batch(() => {
      for (const column of Object.keys(typed)) book.setCellContents(inserted(column), null);
    });
    expect(marks.error).toContain("A.total.c1");
    expect(verdict).toMatch(/^Error: .*1,001,000/);
    expect(applied.sheet.summary()).toBe("Ready to file");
  });
});
