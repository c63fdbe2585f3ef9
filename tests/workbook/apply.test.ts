import type { HyperFormula } from "hyperformula";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";
import { applyPlanToHyperFormula, translateSheetNames } from "../../src/preview/hf-workbook";
import { loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { perturb } from "../support/perturb";
import { typeValues } from "./workbook";

const seed = loadFixture("seed-kingsoft-2011-11.json");
const october = loadFixture("seed-kingsoft-2011-10.json");
const { shape } = seed.month.layout;
let hf: HyperFormula;

beforeEach(async () => {
  hf = await hkmrHyperFormula();
});

/** The check cells that do not read OK. */
const notOk = (plan: TemplatePlan, sheet: ReturnType<typeof applyPlanToHyperFormula>) =>
  plan.checks.map((c) => [c.key, sheet.checkValue(c.key)]).filter(([, v]) => v !== "OK");

test("writes the grid in one call and adds a sheet-scoped name per plan name and check", () => {
  const plan = planTemplate("legacy-2011", shape, { monthEnded: "30/11/2011" });
  const grid = jest.spyOn(hf, "setSheetContent");
  const cells = jest.spyOn(hf, "setCellContents");
  const sheet = applyPlanToHyperFormula(hf, plan);
  expect([grid.mock.calls.length, cells.mock.calls.length]).toEqual([1, 0]);
  expect(hf.listNamedExpressions(sheet.sheetId).sort()).toEqual(
    [...plan.names, ...plan.checks].map((n) => n.name).sort()
  );
  expect(hf.getNamedExpressionFormula("A_1_exercised", sheet.sheetId)).toMatch(
    /^='MR 2011-11'!\$[A-Z]+\$\d+$/
  );
});

test("never touches an existing sheet: a second copy goes to a new sheet named (2)", () => {
  const plan = planTemplate("legacy-2011", shape, { monthEnded: "30/11/2011" });
  const first = applyPlanToHyperFormula(hf, plan);
  typeValues(hf, { plan, sheet: first }, seed.month.values);
  const before = hf.getSheetSerialized(first.sheetId);
  const second = applyPlanToHyperFormula(hf, plan);
  expect([first.sheetName, second.sheetName]).toEqual(["MR 2011-11", "MR 2011-11 (2)"]);
  expect(applyPlanToHyperFormula(hf, plan).sheetName).toBe("MR 2011-11 (3)");
  expect(hf.getSheetSerialized(first.sheetId)).toEqual(before);
  second.setInput("A.1.exercised", "1");
  expect(first.value("A.1.exercised")).toBe("10,000");
  expect(second.value("A.1.exercised")).toBe(1);
});

test("sheet names with quotes and spaces work, across months too", () => {
  const prevPlan = {
    ...planTemplate("legacy-2011", shape, { monthEnded: "31/10/2011" }),
    sheetName: "Kingsoft's Oct",
  };
  const prev = applyPlanToHyperFormula(hf, prevPlan);
  typeValues(hf, { plan: prevPlan, sheet: prev }, october.month.values);
  const plan = {
    ...planTemplate("legacy-2011", shape, {
      monthEnded: "30/11/2011",
      previousSheet: "Kingsoft's Oct",
    }),
    sheetName: "O'Neil & Co, Nov",
  };
  const sheet = applyPlanToHyperFormula(hf, plan);
  typeValues(hf, { plan, sheet }, seed.month.values);
  expect(notOk(plan, sheet)).toEqual([]);
  expect(sheet.summary()).toBe("Ready to file");
  // last month's figure changed on its own sheet: this month's cross-month check sees it
  prev.setInput("A.1.mayIssue", perturb(String(october.month.values["A.1.mayIssue"])));
  expect(sheet.summary()).toMatch(/\d+ errors?/);
  expect(sheet.marks().error).toContain("A.1.mayIssue");
});

test('reads back every input field through its name, blanks as "" and errors as their code', () => {
  const plan = planTemplate("legacy-2011", shape, { monthEnded: "30/11/2011" });
  const sheet = applyPlanToHyperFormula(hf, plan);
  typeValues(hf, { plan, sheet }, seed.month.values);
  sheet.setInput("A.1.exercised", "=1/0");
  sheet.setInput("sig.title", "");
  const values = sheet.readValues();
  expect(Object.keys(values).sort()).toEqual(
    plan.names.flatMap((n) => (n.field ? [n.field] : [])).sort()
  );
  expect(values["A.1.exercised"]).toBe("#DIV/0!");
  expect(values["sig.title"]).toBe("");
  expect(values["issued.ord1.preceding.shares"]).toBe("1,167,621,933");
  expect(values["hdr.monthEnded"]).toBe(40877); // a date typed into a cell is a serial, as in Excel
});

test("a text input keeps what the plan puts in it as text: a stock code keeps its leading zeros", () => {
  const shape = {
    classes: 1,
    options: 1,
    fundsLines: 1,
    warrants: 0,
    convertibles: 0,
    arrangements: 0,
    otherMovements: 1,
  };
  const plan = planTemplate("ff301-1.2", shape, {
    values: { "auth.c1.stockCode": "00700", "auth.c1.className": "Ordinary shares" },
  });
  const sheet = applyPlanToHyperFormula(hf, plan);
  expect([sheet.value("auth.c1.stockCode"), sheet.value("auth.c1.className")]).toEqual([
    "00700",
    "Ordinary shares",
  ]);
});

describe("translateSheetNames: another sheet's names as its addresses", () => {
  beforeEach(() => {
    const id = hf.getSheetId(hf.addSheet("MR 2011-10"))!;
    hf.addNamedExpression("A_1_mayIssue", "='MR 2011-10'!$H$40", id);
  });

  test.each([
    ["=HKMR.CHECK(\"s\",'MR 2011-10'!A_1_mayIssue)", "=HKMR.CHECK(\"s\",'MR 2011-10'!$H$40)"],
    ["='MR 2011-10'!A_1_mayIssue+'MR 2011-10'!B7", "='MR 2011-10'!$H$40+'MR 2011-10'!B7"],
    ["=\"'MR 2011-10'!A_1_mayIssue\"", "=\"'MR 2011-10'!A_1_mayIssue\""], // inside a string
    ["='MR 2011-10'!no_such_name", "=#REF!"],
    ["='MR 1999-01'!A_1_mayIssue", "=#REF!"],
    ["'MR 2011-10'!A_1_mayIssue", "'MR 2011-10'!A_1_mayIssue"], // text, not a formula
  ])("%s becomes %s", (formula, expected) => {
    expect(translateSheetNames(hf, formula)).toBe(expected);
  });
});
