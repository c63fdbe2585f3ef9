import {
  areaOfAddress,
  cellOfName,
  freeSheetName,
  parseArea,
  SHEET_NAME_MAX,
  validSheetName,
} from "../../src/excel/addresses";
import { columnPoints } from "../../src/excel/apply-plan";

describe("choosing a free sheet name", () => {
  test.each<[string, string[], string]>([
    ["MR 2011-11", [], "MR 2011-11"],
    ["MR 2011-11", ["MR 2011-11"], "MR 2011-11 (2)"],
    ["MR 2011-11", ["mr 2011-11", "MR 2011-11 (2)"], "MR 2011-11 (3)"],
    ["History", [], "History (2)"],
  ])("%s among %j is %s", (wanted, existing, expected) => {
    expect(freeSheetName(wanted, existing)).toBe(expected);
  });

  test("keeps within 31 characters, the number included", () => {
    const long = "A return with a very long name, indeed";
    const first = freeSheetName(long, []);
    expect(first).toHaveLength(SHEET_NAME_MAX);
    const second = freeSheetName(long, [first]);
    expect(second).toHaveLength(SHEET_NAME_MAX);
    expect(second.endsWith(" (2)")).toBe(true);
  });

  test("replaces the characters Excel forbids and outer apostrophes", () => {
    expect(validSheetName("MR 2011/11: [draft]?*\\")).toBe("MR 2011-11- -draft----");
    expect(validSheetName("'quoted'")).toBe("quoted");
    expect(validSheetName("  ")).toBe("Return");
  });
});

describe("reading names' formulas and Excel's addresses", () => {
  test.each<[string, string, { row: number; col: number } | null]>([
    ["='MR 2011-11'!$B$7", "MR 2011-11", { row: 7, col: 2 }],
    ["=Sheet1!$AA$10", "sheet1", { row: 10, col: 27 }],
    ["='Jo''s return'!$C$3", "Jo's return", { row: 3, col: 3 }],
    ["='MR 2011-11'!$B$7:$B$9", "MR 2011-11", null],
    ["='MR 2011-10'!$B$7", "MR 2011-11", null],
    ["=#REF!", "MR 2011-11", null],
    ['="legacy-2011|o1|2011-11-30"', "MR 2011-11", null],
  ])("%s on %s is %j", (formula, sheet, cell) => {
    expect(cellOfName(formula, sheet)).toEqual(cell);
  });

  test("a used range's address gives its rectangle", () => {
    expect(areaOfAddress("'MR 2011-11'!C3:P230")).toEqual({
      row: 3,
      col: 3,
      lastRow: 230,
      lastCol: 16,
    });
    expect(areaOfAddress("Sheet1!B2")).toEqual({ row: 2, col: 2, lastRow: 2, lastCol: 2 });
    expect(parseArea("B7:C9:D1")).toBeNull();
  });
});

test("column widths: w characters are (7w + 5) pixels at 0.75 point each", () => {
  expect(columnPoints(8.43)).toBeCloseTo(48, 1); // Excel's default column
  expect(columnPoints(16)).toBe(87.75);
});
