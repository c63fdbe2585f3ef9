import { formVersion, layoutOf } from "../../src/form";
import type { Finding } from "../../src/rules/types";
import { countFindings, countsText, groupFindings } from "../../src/taskpane/findings";
import { requirementsText } from "../../src/taskpane/requirements";

const layout = layoutOf(formVersion("legacy-2011")!, {
  options: 2,
  fundsLines: 1,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 1,
});

const finding = (cell: string, severity: Finding["severity"], message = cell): Finding => ({
  ruleId: "r",
  code: "c",
  severity,
  cells: cell ? [cell] : [],
  expected: null,
  actual: null,
  message,
  instance: `r[${cell}]`,
});

describe("grouping findings", () => {
  test("orders sections as the form does and errors before warnings within each", () => {
    const groups = groupFindings(layout, [
      finding("E.other1.issued", "warning", "e-w"),
      finding("A.2.exercised", "warning", "a-w"),
      finding("issued.ord1.close.shares", "error", "ii-e"),
      finding("A.funds.1.amount", "error", "funds-e"),
      finding("hdr.submitted", "warning", "hdr-w"),
      finding("A.total.ord1", "error", "a-total-e"),
      finding("E.other1.date", "error", "e-e"),
      finding("auth.total", "warning", "i-w"),
      finding("auth.ord1.close.capital", "error", "i-e"),
    ]);
    expect(groups.map((g) => [g.title, g.findings.map((f) => f.message)])).toEqual([
      ["Header and dates", ["hdr-w"]],
      ["I. Movements in Authorised Share Capital", ["i-e", "i-w"]],
      ["II. Movements in Issued Share Capital", ["ii-e"]],
      [
        "III (A) Share Options (under Share Option Schemes of the Issuer)",
        ["funds-e", "a-total-e", "a-w"],
      ],
      ["III (E) Other Movements in Issued Share Capital", ["e-e", "e-w"]],
    ]);
  });

  test("titles every part of Section III with its letter", () => {
    const titles = groupFindings(
      layout,
      ["B.1.issued", "C.1.issued", "D.1.issued", "AtoE.ord1"].map((c) => finding(c, "error"))
    ).map((g) => g.title);
    expect(titles.map((t) => t.slice(0, 7))).toEqual(["III (B)", "III (C)", "III (D)", "Total i"]);
  });

  test("puts findings that name no cell of the return last", () => {
    const groups = groupFindings(layout, [finding("", "error"), finding("hdr.issuer", "error")]);
    expect(groups.map((g) => g.title)).toEqual(["Header and dates", "Other checks"]);
  });

  test("counts errors and warnings in words", () => {
    const counts = countFindings([
      finding("a", "error"),
      finding("b", "warning"),
      finding("c", "error"),
    ]);
    expect(counts).toEqual({ errors: 2, warnings: 1 });
    expect(countsText(counts)).toBe("2 errors, 1 warning");
    expect(countsText({ errors: 1, warnings: 0 })).toBe("1 error, 0 warnings");
  });
});

describe("saying which Excel is needed", () => {
  test.each([
    [
      ["ExcelApi 1.12"],
      "This Excel lacks ExcelApi 1.12. The add-in needs Excel 2021 or later, or Excel for Microsoft 365 on Windows, Mac or the web.",
    ],
    [
      ["ExcelApi 1.12", "ExcelApi 1.16"],
      "This Excel lacks ExcelApi 1.12, ExcelApi 1.16. The add-in needs Excel 2024, or Excel for Microsoft 365 on Windows, Mac or the web.",
    ],
    [
      ["SharedRuntime 1.1", "ExcelApi 1.19"],
      "This Excel lacks SharedRuntime 1.1, ExcelApi 1.19. The add-in needs Excel for Microsoft 365 on Windows, Mac or the web.",
    ],
  ])("for %j", (missing, text) => {
    expect(requirementsText(missing)).toBe(text);
  });
});
