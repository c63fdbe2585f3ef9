import "../../src/preview/hf-custom-functions-shim";
import type { HyperFormula } from "hyperformula";
import { reason, status } from "../../src/functions/functions";
import { REASON_UNREADABLE, STATUS_MARKS, STATUS_UNREADABLE } from "../../src/rules/row-verdict";
import { loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { applyFixture } from "./workbook";

const WARN = "Warning: a late submission";
const FILL = "To fill (2): the balances";
const ERR = "Error: expected 3; found 4";

test.each([
  [[["OK", "", "OK"]], "\u2713", ""],
  [[["OK", WARN]], "\u26A0", WARN],
  [[[WARN, FILL, "OK"]], "to fill", FILL],
  [[[FILL, ERR, WARN]], "\u2715", ERR],
  [[["Error: first", "Error: second"]], "\u2715", "Error: first"],
  [[["OK", "not a check's text"]], "\u2715", "not a check's text"],
  [[["", ""]], "\u2713", ""],
])("a row of check cells %j shows %s with the reason %j", (cells, mark, text) => {
  // Excel passes the repeating argument as a list of ranges: the row's, then single cells
  expect(status([cells, [["OK"]]])).toBe(mark);
  expect(reason([cells, [["OK"]]])).toBe(text);
});

test("a number where a check's text should be reads as an error, never as OK", () => {
  expect(status([[["OK", 42]]])).toBe(STATUS_MARKS.error);
  expect(status([[["OK"]], [[WARN]], [[42]]])).toBe(STATUS_MARKS.error);
});

describe("the status and reason cells on a sheet", () => {
  let hf: HyperFormula;
  beforeAll(async () => {
    hf = await hkmrHyperFormula();
  });

  test("fail closed: an error value in a check cell shows the error mark and says so", () => {
    const { month } = applyFixture(hf, loadFixture("seed-kingsoft-2011-11.json"));
    const sheet = hf.getSheetId(month.sheet.sheetName)!;
    const statusCell = month.plan.cells.find((c) => c.style === "status")!;
    const at = (col: number) => ({ sheet, row: statusCell.row - 1, col: col - 1 });
    expect(hf.getCellValue(at(statusCell.col))).toBe(STATUS_MARKS.ok);
    const check = month.plan.cells.find((c) => c.role === "check" && c.row === statusCell.row)!;
    hf.setCellContents(at(check.col), "=1/0");
    expect(hf.getCellValue(at(statusCell.col))).toBe(STATUS_UNREADABLE);
    expect(hf.getCellValue(at(statusCell.col + 1))).toBe(REASON_UNREADABLE);
    expect(month.sheet.summary()).not.toBe("Ready to file");
  });

  test("where HKMR.REASON cannot run (a program without the add-in), the reason is blank unless the status reads as an error", () => {
    const { month } = applyFixture(hf, loadFixture("seed-kingsoft-2011-11.json"));
    const sheet = hf.getSheetId(month.sheet.sheetName)!;
    const reasonCell = month.plan.cells.find((c) => c.style === "reason")!;
    const at = (col: number) => ({ sheet, row: reasonCell.row - 1, col: col - 1 });
    const missing = reasonCell.content.replace("HKMR.REASON(", "NOT_INSTALLED.REASON(");
    expect(missing).not.toBe(reasonCell.content);
    hf.setCellContents(at(reasonCell.col), missing);
    expect(hf.getCellValue(at(reasonCell.col))).toBe("");
    const check = month.plan.cells.find((c) => c.role === "check" && c.row === reasonCell.row)!;
    hf.setCellContents(at(check.col), "=1/0");
    expect(hf.getCellValue(at(reasonCell.col))).toBe(REASON_UNREADABLE);
  });
});
