import { formVersion, layoutOf, type Layout, type Shape } from "../../src/form";
import { checksOf } from "../../src/rules/reconcile";
import { planTemplate } from "../../src/plan/template";
import type { PlanCell, TemplatePlan } from "../../src/plan/types";

const VERSIONS = ["ff301-1.2", "ff301-treasury", "ff301-1.0"] as const;

const shapeOf = (classes: number, options = 2): Shape => ({
  classes,
  options,
  fundsLines: 2,
  warrants: 1,
  convertibles: 1,
  arrangements: 1,
  otherMovements: 2,
});

const planOf = (formId: string, shape: Shape): { plan: TemplatePlan; layout: Layout } => ({
  plan: planTemplate(formId, shape, { monthEnded: "30 June 2026", issuer: "Example Holdings" }),
  layout: layoutOf(formVersion(formId)!, shape),
});

const CLASS_CAPTION = /^="((?:[^"]|"")*)"&IF\((\w+)="","((?:[^"]|"")*)",\2\)&"((?:[^"]|"")*)"$/;

/** What a label shows while Section I's class names are blank: a total's caption formula reads "class (1)". */
function shownBlank(content: string): string {
  const m = CLASS_CAPTION.exec(content);
  return m ? [m[1], m[3], m[4]].map((t) => t.replace(/""/g, '"')).join("") : content;
}

/** Every text on the sheet that is not an input's or a check's (labels, headings, mirrors). */
// the text as the form words it: a heading broken after a slash to wrap reads as one word
const labelsOf = (plan: TemplatePlan): string[] =>
  plan.cells
    .filter((c) => c.role === "label" || c.role === "heading")
    .map((c) => shownBlank(c.content.replace(/\/\n/g, "/")));

const cellOf = (plan: TemplatePlan, field: string): PlanCell => {
  const cell = plan.cells.find((c) => c.field === field);
  if (!cell) throw new Error(`no cell for ${field}`);
  return cell;
};

describe.each(VERSIONS)("the %s plan", (formId) => {
  const { plan, layout } = planOf(formId, shapeOf(2));
  const form = layout.form;
  const labels = labelsOf(plan);
  const text = new Set(labels);

  test("has the form's title, headings, notes and footer with the data's exact wording", () => {
    const keys = Object.keys(form.headings).filter((k) => k !== "V.items" && k !== "IV.default");
    for (const key of keys)
      expect({ key, on: text.has(form.headings[key]) }).toEqual({ key, on: true });
    for (const item of form.headings["V.items"].split("\n")) expect(text).toContain(item);
    for (const note of form.notes) expect(text).toContain(note);
    expect(text).toContain(form.title);
    expect(text).toContain(form.footer);
  });

  test("heads each part of Section III with its unit's heading", () => {
    for (const unit of form.units.filter((u) => u.section === "III" && u.id !== "totals"))
      expect(text).toContain(unit.heading);
  });

  test("prints every field's own label beside it or above its column", () => {
    const grid = /\.(preceding|movement|close)\.[^.]+$/;
    // the form prints the funds' currency and amount after one label ("...options:" HKD 3,750,000)
    const unlabelled = /^A\.funds\.\d+\.currency$/;
    for (const f of layout.fields.filter((x) => !grid.test(x.id) && !unlabelled.test(x.id))) {
      const shown = labels.some((l) => l === f.caption || l.endsWith(`. ${f.caption}`));
      const inHeading = labels.some((l) => l.split(" / ").includes(f.caption));
      expect({ id: f.id, shown: shown || inHeading }).toEqual({ id: f.id, shown: true });
    }
    for (const row of Object.values(form.rows)) expect(text).toContain(row);
    for (const col of [...form.authColumns, ...form.issuedColumns])
      expect(text).toContain(col.label);
  });

  test("places every field of the layout in exactly one input cell with one name", () => {
    const inputs = plan.cells.filter((c) => c.role === "input").map((c) => c.field!);
    expect(inputs.length).toBe(new Set(inputs).size);
    expect([...inputs].sort()).toEqual(layout.fields.map((f) => f.id).sort());
    const named = plan.names.filter((n) => n.field).map((n) => n.field);
    expect([...named].sort()).toEqual(layout.fields.map((f) => f.id).sort());
  });

  test("has one HKMR call per rule instance, each in its own check cell", () => {
    const keys = checksOf(layout).map((i) => i.key);
    const checks = plan.cells.filter((c) => c.role === "check");
    expect(checks.map((c) => c.check).sort()).toEqual([...keys].sort());
    for (const cell of checks) {
      expect(cell.content.match(/HKMR\./g)).toHaveLength(1);
      expect(cell.content).toMatch(new RegExp(`^=HKMR\\.CHECK\\("${formId}\\|`));
    }
    // besides the check cells, the summary calls HKMR.SUMMARY over them all, each row of check
    // cells has its status and reason, one call each over that row's check cells, and each
    // computed total calls HKMR.COMPUTE (or COMPUTELIST for a total per currency)
    const elsewhere = plan.cells.filter((c) => c.role !== "check" && c.content.includes("HKMR."));
    const computed = elsewhere.filter((c) => c.style === "computed");
    expect(computed.length).toBeGreaterThan(0);
    for (const cell of computed) {
      expect(cell.role).toBe("input");
      expect(cell.content.match(/HKMR\.\w+/g)).toEqual([
        cell.field === "auth.total" ? "HKMR.COMPUTELIST" : "HKMR.COMPUTE",
      ]);
    }
    const checkRows = new Set(checks.map((c) => c.row));
    expect(
      elsewhere
        .filter((c) => c.role === "summary")
        .map((c) => [c.style, c.content.match(/HKMR\.\w+/g)])
    ).toEqual([["verdict", ["HKMR.SUMMARY"]]]);
    const statusRows = new Set(elsewhere.filter((c) => c.style === "status").map((c) => c.row));
    for (const row of checkRows) expect(statusRows).toContain(row);
    for (const [style, fn] of [
      ["status", "HKMR.STATUS"],
      ["reason", "HKMR.REASON"],
    ]) {
      const cells = elsewhere.filter((c) => c.style === style);
      expect(new Set(cells.map((c) => c.row))).toEqual(statusRows);
      for (const cell of cells) expect(cell.content.match(/HKMR\.\w+/g)).toEqual([fn]);
    }
    // and the cause cell reads the whole form once, for the checks and the summary
    expect(
      elsewhere.filter((c) => c.style === "cause").map((c) => c.content.match(/HKMR\.\w+/g))
    ).toEqual([["HKMR.CAUSE"]]);
    expect(elsewhere).toHaveLength(2 + 2 * statusRows.size + computed.length);
  });

  test("puts each check cell on a row of the block or line of its first cell", () => {
    const at = new Map(plan.cells.filter((c) => c.field).map((c) => [c.field!, c.row]));
    for (const check of plan.checks.filter((c) => c.fields.length > 0)) {
      const group = layout.byId.get(check.fields[0])!.group;
      const rows = layout.fields.filter((f) => f.group === group).map((f) => at.get(f.id));
      const cell = plan.cells.find((c) => c.check === check.key)!;
      expect({ check: check.key, beside: rows.includes(cell.row) }).toEqual({
        check: check.key,
        beside: true,
      });
    }
  });

  test("keeps a line group in one column: each field of a line unit in a fixed column", () => {
    for (const part of ["A", "B", "C", "D", "E"]) {
      const bySuffix = new Map<string, Set<number>>();
      for (const f of layout.fields.filter((x) => /^[A-E]\.[^.]+\.[^.]+$/.test(x.id))) {
        if (!f.id.startsWith(`${part}.`) || /^[A-E]\.(total|treasury|funds)\./.test(f.id)) continue;
        const suffix = f.id.split(".")[2];
        bySuffix.set(suffix, (bySuffix.get(suffix) ?? new Set()).add(cellOf(plan, f.id).col));
      }
      for (const [suffix, cols] of bySuffix)
        expect({ part, suffix, columns: cols.size }).toEqual({ part, suffix, columns: 1 });
    }
  });

  test("writes each part's subtotals under the column they total", () => {
    const col = (id: string) => cellOf(plan, id).col;
    expect(col("A.total.c2")).toBe(col("A.1.issued"));
    expect(col("E.total.c1")).toBe(col("E.rights.issued"));
    expect(col("AtoE.c1")).toBe(col("E.other1.issued"));
    if (form.issuedColumns.length === 3) {
      expect(col("A.treasury.c1")).toBe(col("A.2.treasury"));
      expect(col("AtoE.treasury.c2")).toBe(col("E.rights.treasury"));
    }
  });

  test("writes figures with the form's minus sign and keeps decimals for par values", () => {
    expect(cellOf(plan, "issued.c1.movement.shares").numberFormat).toBe("#,##0;-#,##0");
    expect(cellOf(plan, "auth.c1.close.capital").numberFormat).toBe("#,##0.00;-#,##0.00");
    expect(cellOf(plan, "auth.c1.close.par").numberFormat).toMatch(/^#,##0\.00#+$/);
    expect(cellOf(plan, "auth.c1.className").numberFormat).toBe("@");
  });

  test("shows dates in English words whatever the user's locale, as FF301 prints them (30 June 2026)", () => {
    expect(cellOf(plan, "hdr.monthEnded").numberFormat).toBe("[$-409]dd mmmm yyyy");
    expect(cellOf(plan, "A.1.egmDate").numberFormat).toBe("[$-409]dd mmmm yyyy");
    const legacy = planTemplate("legacy-2011", shapeOf(1));
    expect(cellOf(legacy, "hdr.monthEnded").numberFormat).toBe("[$-409]dd/mm/yyyy");
  });

  test("offers each field's choices as a list that Excel can take", () => {
    const lists = plan.validations.filter((v) => v.kind === "list");
    for (const f of layout.fields.filter((x) => x.choices)) {
      const at = cellOf(plan, f.id);
      const list = lists.find((v) => covers(v.address, at));
      expect({ id: f.id, list: list?.list }).toEqual({ id: f.id, list: f.choices });
    }
    for (const v of lists) {
      for (const choice of v.list ?? []) expect(choice).not.toContain(",");
      expect((v.list ?? []).join(",").length).toBeLessThanOrEqual(255);
    }
  });

  test("starts Section IV at Not applicable and Status at a new submission", () => {
    expect(cellOf(plan, "IV.info").content).toBe(form.headings["IV.default"]);
    expect(cellOf(plan, "hdr.status").content).toBe("New Submission");
    expect(cellOf(plan, "hdr.issuer").content).toBe("Example Holdings");
    // 30 June 2026 as Excel's date serial, the same day in every locale
    expect(cellOf(plan, "hdr.monthEnded").content).toBe("46203");
  });

  test("prints landscape over the form's columns, which the check cells follow", () => {
    expect(plan.print.orientation).toBe("landscape");
    const inForm = plan.cells.filter(
      (c) => c.role !== "check" && !/^(status|reason|check|cause)$/.test(c.style)
    );
    expect(Math.max(...inForm.map((c) => c.col))).toBe(plan.formColumns);
    expect(plan.print.area).toMatch(new RegExp(`^\\$A\\$1:\\$[A-Z]+\\$${plan.rowCount}$`));
    // after the form come the widest tables' status and reason columns, then the check cells
    for (const cell of plan.cells.filter((c) => c.role === "check"))
      expect(cell.col).toBeGreaterThan(plan.formColumns + 2);
  });
});

/** Whether a validation's address (one cell or a column run, "B7:B11") covers a cell. */
function covers(address: string, cell: PlanCell): boolean {
  const [top, bottom = top] = address.split(":").map((a) => /^([A-Z]+)(\d+)$/.exec(a)!);
  const column = cell.address.replace(/\d+$/, "");
  return top[1] === column && cell.row >= Number(top[2]) && cell.row <= Number(bottom[2]);
}

describe("what tells the versions apart", () => {
  const texts = Object.fromEntries(
    VERSIONS.map((id) => [id, new Set(labelsOf(planOf(id, shapeOf(1)).plan))])
  );
  const II_FLOAT =
    "II. Movements in Issued Shares and/or Treasury Shares and Public Float Sufficiency Confirmation";

  test.each([
    [II_FLOAT, ["ff301-1.2"]],
    ["II. Movements in Issued Shares and/or Treasury Shares", ["ff301-treasury"]],
    ["II. Movements in Issued Shares", ["ff301-1.0"]],
    ["Public float sufficiency confirmation (Note 4)", ["ff301-1.2"]],
    ["Total number of issued shares", ["ff301-1.2", "ff301-treasury"]],
    ["Number of treasury shares", ["ff301-1.2", "ff301-treasury"]],
    ["Number of issued shares", ["ff301-1.0"]],
    [
      "Number of new shares issued during the month pursuant thereto (A1)",
      ["ff301-1.2", "ff301-treasury"],
    ],
    [
      "Number of treasury shares transferred out of treasury during the month pursuant thereto (A2)",
      ["ff301-1.2", "ff301-treasury"],
    ],
    ["Date of event (Note 2)", ["ff301-1.2", "ff301-treasury"]],
    ["Issue and allotment date", ["ff301-1.0"]],
    ["Total A (class (1))", ["ff301-1.0"]],
    ["1. Class of shares", ["ff301-1.2", "ff301-treasury", "ff301-1.0"]],
    ["1. Type of shares", []],
    ["Listed on the Exchange (Note 1)", ["ff301-1.2", "ff301-treasury"]],
    ["Listed on SEHK (Note 1)", ["ff301-1.0"]],
  ])("%s is on the sheet of %j only", (label, versions) => {
    for (const id of VERSIONS)
      expect({ id, on: texts[id].has(label) }).toEqual({ id, on: versions.includes(id) });
  });

  test("the public float confirmation's tick boxes carry their wording and a tick list", () => {
    const { plan } = planOf("ff301-1.2", shapeOf(1));
    const complied = cellOf(plan, "issued.c1.float.complied");
    const wording = plan.cells.find((c) => c.row === complied.row && c.col === complied.col + 1);
    expect(wording?.content).toBe(
      "the applicable public float requirement (see below) has been complied with"
    );
    const tick = plan.validations.find((v) => v.address === complied.address);
    expect(tick?.list).toEqual(["✓"]);
  });
});

describe.each(VERSIONS)("%s class blocks", (formId) => {
  test.each([1, 2, 3])("%i classes give as many numbered blocks in Sections I and II", (n) => {
    const { plan, layout } = planOf(formId, shapeOf(n));
    const first = layout.fields.find((f) => f.id === "auth.c1.className")!.caption;
    const numbered = labelsOf(plan).filter((l) => new RegExp(`^\\d+\\. ${first}$`).test(l));
    const expected = Array.from({ length: n }, (_, k) => `${k + 1}. ${first}`);
    expect(numbered).toEqual([...expected, ...expected]);
    for (let k = 1; k <= n; k++) {
      // Section II shows the class header typed once in Section I, by formula
      const mirror = plan.cells.filter((c) => c.content === `=""&auth_c${k}_className`);
      expect(mirror).toHaveLength(1);
      expect(mirror[0].row).toBeGreaterThan(cellOf(plan, `auth.c${k}.className`).row);
      expect(mirror[0].row).toBeLessThan(cellOf(plan, `issued.c${k}.preceding.shares`).row);
    }
    expect(plan.checks.length).toBe(checksOf(layout).length);
  });

  test.each([1, 20, 200])("a shape of %i option lines plans every field and check", (n) => {
    const { plan, layout } = planOf(formId, shapeOf(2, n));
    expect(plan.cells.filter((c) => c.role === "input").length).toBe(layout.fields.length);
    expect(plan.checks.length).toBe(checksOf(layout).length);
    for (const cell of plan.cells.filter((c) => c.role === "check"))
      expect(cell.content.length).toBeLessThan(8192);
  });

  test("the plan's size grows linearly with the option lines", () => {
    const size = (p: TemplatePlan) => [
      p.cells.length,
      p.names.length,
      p.checks.length,
      p.validations.length,
      p.rowCount,
    ];
    const [s0, s100, s200] = [10, 105, 200].map((n) => size(planOf(formId, shapeOf(2, n)).plan));
    for (let k = 0; k < s0.length; k++) expect(s200[k] - s100[k]).toBe(s100[k] - s0[k]);
    // merged formats grow by fewer than the lines, in steps as their addresses fill up
    const formats = [1, 100, 199].map(
      (n) => planOf(formId, shapeOf(2, n)).plan.conditionalFormats.length
    );
    expect(formats[2] - formats[1]).toBeLessThanOrEqual(formats[1] - formats[0] + 2);
    expect(formats[2] - formats[0]).toBeLessThan(40); // one per check and severity: 14 a line
  });
});
