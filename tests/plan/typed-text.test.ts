import { HyperFormula } from "hyperformula";
import { rollForward } from "../../src/plan/roll-forward";
import { planTemplate } from "../../src/plan/template";
import { typedText, typedValue, valueOfTyped } from "../../src/plan/typed-text";
import type { TemplatePlan } from "../../src/plan/types";
import { HOSTILE_TEXT } from "../support/hostile-text";
import { loadFixture } from "../support/fixtures";

const SHAPE = {
  options: 1,
  fundsLines: 1,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 1,
};

/** What the plan types into a field's cell. */
const typedAt = (plan: TemplatePlan, field: string): string | undefined =>
  plan.cells.find((c) => c.field === field)?.content;

describe("typedText", () => {
  test.each(HOSTILE_TEXT)("gives %j Excel's text prefix", (text) => {
    expect(typedText(text)).toBe(`'${text}`);
    expect(valueOfTyped(typedText(text))).toBe(text);
  });

  test.each(["Kingsoft", "3888", "N/A", " =1+1", "", "(500)"])("leaves %j as it is", (text) => {
    expect(typedText(text)).toBe(text);
  });

  test.each(["-1,234", "+5", "-0.25", "1,234.50"])(
    "keeps the figure %j a figure in a figure cell",
    (text) => {
      expect(typedValue(text, "shares")).toBe(text);
      expect(typedValue(text, "text")).toBe(typedText(text));
    }
  );

  test.each(["-", "=1+1", "-1+1", "@A1", "-1,23"])("types %j in a figure cell as text", (text) => {
    expect(typedValue(text, "money")).toBe(`'${text}`);
  });

  test("HyperFormula, like Excel, holds a prefixed entry as text without the apostrophe", () => {
    const row = HOSTILE_TEXT.map(typedText);
    const hf = HyperFormula.buildFromArray([row], { licenseKey: "gpl-v3" });
    row.forEach((_, col) => {
      const at = { sheet: 0, row: 0, col };
      expect(hf.doesCellHaveFormula(at)).toBe(false);
      expect(hf.getCellValue(at)).toBe(HOSTILE_TEXT[col]);
    });
  });
});

describe.each(HOSTILE_TEXT)("the plan with user text %j", (text) => {
  test("types the issuer, stock code, description and carried values as text", () => {
    const plan = planTemplate("legacy-2011", SHAPE, {
      monthEnded: "2011-11-30",
      issuer: text,
      classInfo: { ord1: { stockCode: text, description: text } },
      values: { "A.1.class": text, "auth.ord1.remark": text, "A.1.price": text },
    });
    for (const field of [
      "hdr.issuer",
      "auth.ord1.stockCode",
      "auth.ord1.description",
      "A.1.class",
      "auth.ord1.remark",
      "A.1.price",
    ])
      expect({ field, typed: typedAt(plan, field) }).toEqual({ field, typed: `'${text}` });
  });

  test("types FF301's class header as text", () => {
    const plan = planTemplate(
      "ff301-1.2",
      { ...SHAPE, classes: 1 },
      { issuer: text, classInfo: { c1: { stockCode: text, description: text } } }
    );
    for (const field of ["hdr.issuer", "auth.c1.stockCode", "auth.c1.description"])
      expect({ field, typed: typedAt(plan, field) }).toEqual({ field, typed: `'${text}` });
  });

  test("rolls text read from a sheet forward as text, figures as figures", () => {
    const seed = loadFixture("seed-kingsoft-2011-11.json");
    const values = {
      ...seed.month.values,
      "A.1.class": text,
      "hdr.issuer": text,
      "auth.ord1.description": text,
      "issued.ord1.close.shares": -1234,
    };
    const header = rollForward({
      sheetName: "MR 2011-11",
      formId: seed.doc.form,
      shape: seed.month.layout.shape,
      monthEnd: "2011-11-30",
      values,
    });
    const plan = planTemplate(seed.doc.form, seed.month.layout.shape, header);
    for (const field of ["A.1.class", "hdr.issuer", "auth.ord1.description"])
      expect({ field, typed: typedAt(plan, field) }).toEqual({ field, typed: `'${text}` });
    expect(typedAt(plan, "issued.ord1.preceding.shares")).toBe("-1234");
  });
});
