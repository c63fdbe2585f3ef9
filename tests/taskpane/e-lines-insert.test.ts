import { reconcile } from "../../src/rules/reconcile";
import { layoutOf, formVersion } from "../../src/form";
import { DEFAULT_BLOCK } from "../../src/taskpane/class-blocks";
import { classNameOf, eLineChoices, eLineClassValues } from "../../src/taskpane/e-lines-form";
import { planRequestOf, updatedInsert, validateInsert } from "../../src/taskpane/insert-form";
import { FakeHost } from "./fake-host";
import { paneOn } from "./support";

// The pane's "new return" form asks how many lines each typed (E) line takes: a repurchase in
// H and A shares takes two "Repurchase of shares" lines, each starting in its class.

const TODAY = { year: 2026, month: 11, day: 2 };
const H = { ...DEFAULT_BLOCK, type: "H", stockCode: "99996", description: "H shares" };
const A = { ...DEFAULT_BLOCK, type: "A", listed: "No", description: "A shares" };

describe("the typed (E) lines of the new-return form", () => {
  test("lists the version's typed lines in form order, Other apart", () => {
    const v12 = eLineChoices("ff301-1.2");
    expect(v12[5]).toEqual({ key: "repurchase", label: "6. Repurchase of shares" });
    expect(v12.map((c) => c.key)).toContain("cancelTreasury");
    expect(v12.map((c) => c.key)).not.toContain("other");
    expect(eLineChoices("ff301-1.0").map((c) => c.key)).not.toContain("cancelTreasury");
  });

  test("inserts two repurchase lines, the first in class (1), the second in class (2)", async () => {
    const host = new FakeHost();
    const { controller } = paneOn(host, { today: () => TODAY });
    controller.updateInsert({
      issuer: "Example Pearl River Power Company Limited",
      classCount: "2",
    });
    controller.updateInsert({ blocks: [H, A], eLines: { repurchase: "2" } });
    await controller.insert();
    expect(controller.state.status).toEqual({ kind: "success", text: "Inserted MR 2026-10." });
    const plan = host.plans[0];
    expect(plan.shape.eLines).toEqual({ repurchase: 2 });
    const values = host.sheet("MR 2026-10")!.return!.values;
    expect([values["E.repurchase.class"], values["E.repurchase2.class"]]).toEqual([
      "H shares",
      "A shares",
    ]);
    expect(values["E.placing.class"]).toBe("");
    // the blank sheet as inserted gives no error: nothing is stated yet
    const layout = layoutOf(formVersion(plan.formId)!, plan.shape);
    expect(reconcile({ layout, values }).filter((f) => f.severity === "error")).toEqual([]);
  });

  test("keeps one line of each type unless asked, as the form prints them", () => {
    const { controller } = paneOn(new FakeHost(), { today: () => TODAY });
    const input = updatedInsert(controller.state.input, {
      issuer: "Example",
      eLines: { placing: "1" },
    });
    expect(planRequestOf(input).shape.eLines).toBeUndefined();
    expect(planRequestOf({ ...input, eLines: { placing: "0" } }).shape.eLines).toEqual({
      placing: 0,
    });
  });

  test.each([["x"], ["-1"], ["2.5"], ["201"]])("names a count of %s on its control", (typed) => {
    const { controller } = paneOn(new FakeHost(), { today: () => TODAY });
    const input = {
      ...controller.state.input,
      issuer: "Example",
      blocks: [H],
      eLines: { repurchase: typed },
    };
    expect(validateInsert(input)).toEqual({
      "eLines.repurchase": 'Between 0 and 200 lines "Repurchase of shares"',
    });
  });

  test("a type the version lacks is left out, and its count not checked", () => {
    const { controller } = paneOn(new FakeHost(), { today: () => TODAY });
    const input = updatedInsert(controller.state.input, {
      issuer: "Example",
      formId: "ff301-1.0",
      blocks: [H],
      eLines: { cancelTreasury: "3", repurchase: "2" },
    });
    expect(validateInsert(input)).toEqual({});
    expect(planRequestOf(input).shape.eLines).toEqual({ repurchase: 2 });
  });
});

describe("the class a repeated line starts in", () => {
  test("is named by the first of the block's cells no other block shares", () => {
    expect(classNameOf([H, A], 0)).toBe("H shares");
    const plainA = { ...A, description: "" };
    expect(classNameOf([H, plainA], 1)).toBe("A"); // "Ordinary shares" is both blocks' class
    expect(classNameOf([H, { ...H, stockCode: "" }], 1)).toBeNull();
  });

  test("follows the blocks in order, for at most as many lines as classes", () => {
    expect(eLineClassValues({ repurchase: 3, placing: 1 }, [H, A], 2)).toEqual({
      "E.repurchase.class": "H shares",
      "E.repurchase2.class": "A shares",
    });
  });
});
