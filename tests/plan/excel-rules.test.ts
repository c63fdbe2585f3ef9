import {
  CONDITIONAL_FORMATS_MAX,
  excelViolations,
  formulaViolations,
  nameViolations,
  sheetNameViolations,
  type ExcelRule,
} from "../../src/plan/excel-rules";
import { checkNumberFormat } from "../../src/plan/number-format-rules";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";
import { ONE_OPTION_LINE } from "../support/shapes";

// Every rule is shown to catch a plan that breaks it: a valid plan, changed in one place.

const base = planTemplate("ff301-1.2", ONE_OPTION_LINE, { monthEnded: "30/06/2026" });
const rulesOf = (plan: TemplatePlan): ExcelRule[] => [
  ...new Set(excelViolations(plan).map((v) => v.rule)),
];
const withCell = (content: string): TemplatePlan => ({
  ...base,
  cells: [
    ...base.cells,
    { address: "Z1", row: 1, col: 26, role: "label", content, style: "label" },
  ],
});
const withValidationFormula = (formula: string): TemplatePlan => ({
  ...base,
  validations: [{ ...base.validations.find((v) => v.formula)!, formula }],
});
const withFormatFormula = (formula: string): TemplatePlan => ({
  ...base,
  conditionalFormats: [{ ...base.conditionalFormats[0], formula }],
});

test("the plan the other tests break keeps every rule", () => {
  expect(excelViolations(base)).toEqual([]);
});

describe("formulas", () => {
  test("a formula over 8,192 characters is refused, one of 8,192 is not", () => {
    const of = (n: number) => `=${"1+".repeat((n - 1) / 2)}1`;
    expect(rulesOf(withCell(of(8191)))).toEqual([]);
    expect(rulesOf(withCell(of(8193)))).toEqual(["formula.length"]);
  });

  test("a function with more than 255 arguments is refused, one with 255 is not", () => {
    const sum = (n: number) => `=SUM(${Array.from({ length: n }, () => "1").join(",")})`;
    expect(rulesOf(withCell(sum(255)))).toEqual([]);
    expect(rulesOf(withCell(sum(256)))).toEqual(["formula.arguments"]);
  });

  test("functions nested more than 64 deep are refused; brackets alone do not count", () => {
    const nest = (n: number) => `=${"ABS(".repeat(n)}1${")".repeat(n)}`;
    expect(rulesOf(withCell(nest(64)))).toEqual([]);
    expect(rulesOf(withCell(`=${"(".repeat(80)}1${")".repeat(80)}`))).toEqual([]);
    expect(rulesOf(withCell(nest(65)))).toEqual(["formula.nesting"]);
  });

  test("a text in a formula may have 255 characters and no more", () => {
    expect(rulesOf(withCell(`="${"x".repeat(254)}"""`))).toEqual([]);
    expect(rulesOf(withCell(`="${"x".repeat(256)}"`))).toEqual(["formula.text"]);
  });

  test("a formula that cannot be read is reported, not thrown", () => {
    expect(rulesOf(withCell('=IF(A1="x,1,2)'))).toEqual(["formula.syntax"]);
  });

  test("strings and quoted sheet names hide what looks like an operator", () => {
    const formula = `=IF('MR 2011-11'!A1="{a, b} [c]",SUM(A1,B1),0)`;
    expect(formulaViolations(formula, "x", true)).toEqual([]);
  });
});

describe("validation and conditional-format formulas ([MS-OI29500] 3.2.3.1.3)", () => {
  test.each([
    ['=ISNUMBER(MATCH(TRIM(B13),{"Nil","N/A"},0))', "restricted.array"],
    ["=SUM(Table1[Amount])>0", "restricted.structured"],
    ["=SUM((B13,C13))>0", "restricted.union"],
    ["=B13,C13", "restricted.union"],
    ["=SUM(B13:C20 C13:C14)>0", "restricted.intersection"],
  ])("a validation formula %s breaks %s", (formula, rule) => {
    expect(rulesOf(withValidationFormula(formula))).toEqual([rule]);
  });

  test.each([
    ['=ISNUMBER(MATCH(TRIM(B13),{"Nil"},0))', "restricted.array"],
    ["=Table1[@Amount]>0", "restricted.structured"],
    ["=(B13,C13)", "restricted.union"],
    ["=B13:C20 C13", "restricted.intersection"],
  ])("a conditional-format formula %s breaks %s", (formula, rule) => {
    expect(rulesOf(withFormatFormula(formula))).toEqual([rule]);
  });

  test("function arguments, spaced operators and spaces in strings are not reference operators", () => {
    for (const formula of ['=OR(B13 = "Nil", C13 > 0)', "=SUM(B13,C13) > 1", '=B13="a b"'])
      expect(rulesOf(withValidationFormula(formula))).toEqual([]);
  });

  test("a grid cell may hold an array constant: the restriction is for validation and formats", () => {
    expect(rulesOf(withCell('=MATCH("a",{"a","b"},0)'))).toEqual([]);
  });
});

describe("validation texts ([MS-OI29500] 2.1.613)", () => {
  test.each([
    ["inputTitle", 32],
    ["errorTitle", 32],
    ["inputMessage", 255],
    ["errorMessage", 224],
  ] as const)("%s may have %i characters and no more", (field, max) => {
    const withText = (n: number): TemplatePlan => ({
      ...base,
      validations: [{ ...base.validations[0], [field]: "x".repeat(n) }],
    });
    expect(rulesOf(withText(max))).toEqual([]);
    expect(rulesOf(withText(max + 1))).toEqual(["validation.text"]);
  });
});

describe("validation formulas", () => {
  test("may have 255 characters and no more", () => {
    const long = (n: number): string => `=LEN(B13)<${"9".repeat(n - "=LEN(B13)<".length)}`;
    expect(long(255)).toHaveLength(255);
    expect(rulesOf(withValidationFormula(long(255)))).toEqual([]);
    expect(rulesOf(withValidationFormula(long(256)))).toEqual(["validation.length"]);
  });
});

describe("names", () => {
  test.each([
    "A1",
    "ab12",
    "XFD1048576",
    "R",
    "c",
    "R1C1",
    "rc",
    "R12",
    "1abc",
    "has space",
    "a-b",
    "TRUE",
    "false",
    "x".repeat(256),
    "",
  ])("%p is not a name Excel takes", (name) => {
    expect(nameViolations(name, "name").length).toBeGreaterThan(0);
  });

  test.each(["_x", "\\x", "auth_c1.par", "chk_A_1_rollforward", "ABCD1", "Rx", "x".repeat(255)])(
    "%p is a name Excel takes",
    (name) => expect(nameViolations(name, "name")).toEqual([])
  );

  test("a plan with a name that reads as an address, or two names alike but for case, is refused", () => {
    const first = base.names[0];
    expect(rulesOf({ ...base, names: [...base.names, { ...first, name: "AB12" }] })).toEqual([
      "name.syntax",
    ]);
    const twin = { ...first, name: first.name.toUpperCase() };
    expect(rulesOf({ ...base, names: [...base.names, twin] })).toEqual(["name.unique"]);
  });
});

describe("sheet names", () => {
  test.each(["x".repeat(32), "a/b", "a\\b", "a?", "a*", "a[1]", "a:b", "'a", "a'", "History", ""])(
    "%p is refused",
    (name) => {
      expect(sheetNameViolations(name).length).toBeGreaterThan(0);
      expect(rulesOf({ ...base, sheetName: name })).toEqual(["sheet.name"]);
    }
  );

  test.each(["MR 2026-06", "MR (new)", "x".repeat(31), "O'Brien"])("%p is taken", (name) =>
    expect(sheetNameViolations(name)).toEqual([])
  );
});

describe("number formats", () => {
  test.each([
    "#,##0;(#,##0)",
    "#,##0.00;-#,##0.00",
    "#,##0.00########",
    "dd/mm/yyyy",
    "[$-409]dd mmmm yyyy",
    "[$HKD-C04]#,##0.00",
    "@",
    "General",
    '"HKD "#,##0.00',
    '[Red]#,##0;[Blue](#,##0);"Nil";@',
    "0.00E+00",
    "[h]:mm:ss",
    "[>=100]0;0",
    "#,##0_);(#,##0)",
    "\\$#,##0",
  ])("%p is a format Excel takes", (format) => expect(checkNumberFormat(format)).toBeNull());

  test.each([
    ["dd mmmm yyyy", /locale/],
    ["ddd d/m/yyyy", /locale/],
    ["#,##0 shares", /quoted or escaped/],
    ['"open', /unclosed quote/],
    ["[Purple]0", /neither a colour/],
    ["0;0;0;0;0", /sections/],
    ["0*", /nothing to show/],
    ["", /empty/],
  ])("%p is refused (%p)", (format, why) => {
    expect(checkNumberFormat(format)).toMatch(why);
    const cells = base.cells.map((c) => (c.numberFormat ? { ...c, numberFormat: format } : c));
    expect(rulesOf({ ...base, cells })).toEqual(["numberFormat"]);
  });
});

test(`a sheet with more than ${CONDITIONAL_FORMATS_MAX} conditional formats is refused`, () => {
  const many = (n: number): TemplatePlan => ({
    ...base,
    conditionalFormats: Array.from({ length: n }, () => base.conditionalFormats[0]),
  });
  expect(rulesOf(many(CONDITIONAL_FORMATS_MAX))).toEqual([]);
  expect(rulesOf(many(CONDITIONAL_FORMATS_MAX + 1))).toEqual(["conditionalFormats.count"]);
});
