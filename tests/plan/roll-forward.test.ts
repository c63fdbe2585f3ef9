import { layoutOf, formVersion } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { nextMonthEnd, rollForward } from "../../src/plan/roll-forward";
import { readMeta } from "../../src/plan/meta";
import { reconcile } from "../../src/rules/reconcile";
import { computedFieldsOf } from "../../src/rules/compute-cell";
import { fixtureNames, loadFixture } from "../support/fixtures";

const consistent = fixtureNames().filter((n) => !n.startsWith("bad-"));

describe.each(consistent)("rolling %s forward", (name) => {
  const fixture = loadFixture(name);
  const meta = readMeta(
    planTemplate(fixture.doc.form, fixture.month.layout.shape, {
      monthEnded: fixture.doc.values["hdr.monthEnded"],
    }).meta.value
  )!;
  const source = { sheetName: "MR source", ...meta, values: fixture.month.values };
  const header = rollForward(source);
  const plan = planTemplate(fixture.doc.form, fixture.month.layout.shape, header);
  // a date is written as its serial, which Excel and the preview read back as a number; a
  // computed total is a formula, which reads as blank until the sheet computes it
  const values = Object.fromEntries(
    plan.cells
      .filter((c) => c.field)
      .map((c) => [
        c.field!,
        c.content.startsWith("=")
          ? ""
          : c.numberFormat?.includes("yyyy") && /^\d+$/.test(c.content)
            ? Number(c.content)
            : c.content,
      ])
  );

  test("carries no figure into a computed total: each keeps its formula", () => {
    const computed = [...computedFieldsOf(fixture.month.layout).keys()];
    expect(computed.length).toBeGreaterThan(0);
    for (const id of computed) expect(header.values?.[id]).toBeUndefined();
    const cells = plan.cells.filter((c) => c.field && computed.includes(c.field));
    expect(cells.map((c) => c.field).sort()).toEqual([...computed].sort());
    for (const c of cells) {
      expect([c.field, c.style]).toEqual([c.field, "computed"]);
      expect(c.content).toMatch(/^=(IF\(TRIM\(.*)?HKMR\.COMPUTE(LIST)?\(/);
    }
  });

  test("gives next month's sheet whose opening balances are this month's closing balances", () => {
    for (const id of Object.keys(values).filter((k) => k.includes(".preceding"))) {
      const close = id.replace(".preceding", ".close");
      expect({ id, value: values[id] }).toEqual({
        id,
        value: fixture.month.values[close] ?? "",
      });
    }
  });

  test("reconciles with no error against the month it came from, movements blank", () => {
    const layout = layoutOf(formVersion(fixture.doc.form)!, fixture.month.layout.shape);
    const findings = reconcile({ layout, values }, fixture.month);
    expect(findings.filter((f) => f.severity === "error").map((f) => f.message)).toEqual([]);
    for (const id of Object.keys(values).filter((k) =>
      /\.(movement|exercised|granted|lapsed|cancelled|converted)/.test(k)
    )) {
      expect({ id, value: values[id] }).toEqual({
        id,
        value: id.includes(".movement.") && values[id] ? values[id] : "",
      });
    }
  });

  test("advances the month and names last month's sheet", () => {
    expect(header.previousSheet).toBe("MR source");
    expect(plan.sheetName).not.toBe("MR (new)");
    expect(plan.meta.value).toMatch(/\|\d{4}-\d{2}-\d{2}$/);
  });
});

test.each([
  [
    { year: 2011, month: 11, day: 30 },
    { year: 2011, month: 12, day: 31 },
  ],
  [
    { year: 2011, month: 12, day: 31 },
    { year: 2012, month: 1, day: 31 },
  ],
  [
    { year: 2012, month: 1, day: 31 },
    { year: 2012, month: 2, day: 29 },
  ],
  [
    { year: 2023, month: 1, day: 31 },
    { year: 2023, month: 2, day: 28 },
  ],
])("the month after %j ends %j", (end, next) => {
  expect(nextMonthEnd(end)).toEqual(next);
});

test("the metadata of a return sheet reads back as its form, shape and month", () => {
  const plan = planTemplate(
    "legacy-2011",
    { options: 2, fundsLines: 1, warrants: 0, convertibles: 1, arrangements: 0, otherMovements: 1 },
    { monthEnded: "4 February 2019" }
  );
  expect(plan.meta.name).toBe("hkmr_return");
  expect(readMeta(`="${plan.meta.value}"`)).toEqual({
    formId: "legacy-2011",
    shape: plan.shape,
    monthEnd: "2019-02-04",
  });
  expect(readMeta('="something else"')).toBeNull();
  expect(readMeta(42)).toBeNull();
});

describe("rolling an FF301 return forward", () => {
  const june = loadFixture("ff301-options-treasury-example-2026-06.json");
  const { shape } = june.month.layout;
  const planned = planTemplate(june.doc.form, shape, { monthEnded: "30 June 2026" });
  const source = {
    sheetName: planned.sheetName,
    ...readMeta(planned.meta.value)!,
    values: june.month.values,
  };
  const header = rollForward(source);
  // the task pane plans next month from the source's own form and shape
  const july = planTemplate(source.formId, source.shape, header);
  const content = (field: string) => july.cells.find((c) => c.field === field)?.content;

  test("gives July an FF301 plan of June's version, shape and next month end", () => {
    expect(readMeta(july.meta.value)).toEqual({
      formId: "ff301-1.2",
      shape,
      monthEnd: "2026-07-31",
    });
    expect(july.sheetName).toBe("MR 2026-07");
    expect(july.cells.map((c) => c.content)).toContain(
      "II. Movements in Issued Shares and/or Treasury Shares and Public Float Sufficiency Confirmation"
    );
    expect(header.previousSheet).toBe("MR 2026-06");
  });

  test("opens July with June's closing issued, treasury and total shares and options outstanding", () => {
    expect({
      excl: content("issued.c1.preceding.excl"),
      treasury: content("issued.c1.preceding.treasury"),
      total: content("issued.c1.preceding.shares"),
      options: content("A.1.preceding"),
      authorised: content("auth.c1.preceding.shares"),
    }).toEqual({
      excl: "1,949,000,000",
      treasury: "52,000,000",
      total: "2,001,000,000",
      options: "9,250,000",
      authorised: "4,000,000,000",
    });
    expect(content("issued.c1.movement.treasury")).toBe("");
    expect(content("A.1.exercised")).toBe("");
  });

  test("carries the class header and the option scheme, not June's ticks, events or status", () => {
    expect(content("auth.c1.className")).toBe("Ordinary shares");
    expect(content("auth.c1.listed")).toBe("Yes");
    expect(content("A.1.particulars")).toBe("Share Option Scheme adopted on 20 May 2020");
    expect(content("issued.c1.float.complied")).toBe("");
    expect(content("issued.c1.float.threshold")).toBe(
      june.month.values["issued.c1.float.threshold"]
    );
    expect(content("E.repurchaseTreasury.treasury")).toBe("");
    expect(content("hdr.status")).toBe("New Submission");
  });

  test("carries each option line's shares which may be issued, so July's lines tie before any movement", () => {
    expect(content("A.1.mayIssue")).toBe("9,250,000");
    const findings = reconcile(
      { layout: june.month.layout, values: header.values ?? {} },
      june.month
    );
    expect(
      findings.filter((f) => f.ruleId.startsWith("options.") || f.severity === "error")
    ).toEqual([]);
  });

  test("does not carry a month's explanation of a public float shortfall", () => {
    const short = rollForward({
      ...source,
      values: {
        ...june.month.values,
        "issued.c1.float.complied": "",
        "issued.c1.float.notComplied": "✓",
        "issued.c1.float.info": "Public float 24.1% after the placing; restored on 3 July",
      },
    });
    expect(short.values?.["issued.c1.float.info"]).toBeUndefined();
    expect(short.values?.["issued.c1.float.notComplied"]).toBeUndefined();
  });

  test.each(consistent.filter((n) => loadFixture(n).month.layout.form.classMode === "blocks"))(
    "%s rolls forward to a plan of its own FF301 version",
    (name) => {
      const fixture = loadFixture(name);
      const plan = planTemplate(fixture.doc.form, fixture.month.layout.shape, {
        monthEnded: String(fixture.month.values["hdr.monthEnded"]),
      });
      const from = {
        sheetName: plan.sheetName,
        ...readMeta(plan.meta.value)!,
        values: fixture.month.values,
      };
      const next = planTemplate(from.formId, from.shape, rollForward(from));
      expect(readMeta(next.meta.value)?.formId).toBe(fixture.doc.form);
    }
  );
});

describe("rolling forward repurchases in two classes (typed (E) lines repeated per class)", () => {
  const october = loadFixture("ff301-repurchases-two-classes-2026-10.json");
  const planned = planTemplate("ff301-1.2", october.month.layout.shape, {
    monthEnded: october.doc.values["hdr.monthEnded"],
  });
  const source = {
    sheetName: "MR 2026-10",
    ...readMeta(planned.meta.value)!,
    values: october.month.values,
  };
  const header = rollForward(source);
  const next = planTemplate(source.formId, source.shape, header);
  const typed = (id: string): string | undefined => next.cells.find((c) => c.field === id)?.content;

  test("keeps the repeated lines on next month's sheet, each in its class, its figures blank", () => {
    expect(source.shape.eLines).toEqual({ repurchase: 2 });
    expect(next.shape).toEqual(october.month.layout.shape);
    expect([typed("E.repurchase.class"), typed("E.repurchase2.class")]).toEqual([
      "H shares",
      "A shares",
    ]);
    for (const suffix of ["issued", "treasury", "price", "date", "egmDate"]) {
      expect([typed(`E.repurchase.${suffix}`), typed(`E.repurchase2.${suffix}`)]).toEqual(["", ""]);
    }
  });

  test("opens November with October's closing figures of both classes, with no error", () => {
    expect(typed("issued.c2.preceding.shares")).toBe("2,597,000,000");
    // a date goes to the sheet as its serial, which Excel and the preview read as a number
    const values = Object.fromEntries(
      next.cells
        .filter((c) => c.field)
        .map((c) => [
          c.field!,
          c.content.startsWith("=") // a computed total reads blank until the sheet computes it
            ? ""
            : c.numberFormat?.includes("yyyy") && /^\d+$/.test(c.content)
              ? Number(c.content)
              : c.content,
        ])
    );
    const findings = reconcile({ layout: october.month.layout, values }, october.month);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a type that does not repeat still leaves its class cell blank", () => {
    const june = loadFixture("ff301-pair-repurchase-cancelled-2026-07.json");
    const meta = readMeta(planTemplate(june.doc.form, june.month.layout.shape, {}).meta.value)!;
    const rolled = rollForward({ sheetName: "MR", ...meta, values: june.month.values });
    expect(june.month.values["E.repurchase.class"]).toBe("Ordinary shares");
    expect(rolled.values?.["E.repurchase.class"]).toBeUndefined();
  });
});
