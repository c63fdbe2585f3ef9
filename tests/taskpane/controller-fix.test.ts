// "Use 1,000,250,000": the pane asks old -> new, writes that one value into that one cell,
// checks again, and can put the old value back (Excel drops its own undo when an add-in writes).
import { EXCL, juneReturn, TOTAL } from "../support/june-return";
import { FakeHost } from "./fake-host";
import { paneOn, resultOf } from "./support";

const SLIP = "1,000,250,001";

const june = juneReturn;

/** A pane over June with the slip, its closing cells at B36 and D36, checked. */
async function slipped() {
  const host = new FakeHost().addReturn(june("June", { [EXCL]: SLIP })).activate("June");
  host.addresses.set("June", { [EXCL]: "B36", [TOTAL]: "D36" });
  const pane = paneOn(host);
  await pane.controller.check();
  return { host, ...pane };
}

describe("the likely cause and its fix", () => {
  test("names the mistyped cell first, with its address, its words and its value", async () => {
    const { controller } = await slipped();
    const [top] = resultOf(controller.state).suggestions;
    expect(top).toMatchObject({ field: EXCL, address: "B36", value: "1,000,250,000" });
    expect(top.label).toMatch(/Balance at close of the month.*excluding treasury shares/);
    expect(top.clears.errors).toBeGreaterThan(0);
    const named = resultOf(controller.state).suggestions.flatMap((s) => [
      s.field,
      ...s.tiedWith.map((c) => c.field),
    ]);
    expect(named).not.toContain(TOTAL);
  });

  test("Use asks old -> new and writes nothing until the user says yes", async () => {
    const { host, controller } = await slipped();
    controller.proposeFix(EXCL);
    expect(controller.state.fix).toMatchObject({
      kind: "confirm",
      sheetName: "June",
      field: EXCL,
      address: "B36",
      from: SLIP,
      to: "1,000,250,000",
    });
    controller.cancelFix();
    expect(controller.state.fix).toBeNull();
    expect(host.count("writeField")).toBe(0);
  });

  test("a yes writes that one value into that one cell, once, and the sheet has no error", async () => {
    const { host, controller } = await slipped();
    controller.proposeFix(EXCL);
    await controller.confirmFix();
    expect(host.writes).toEqual([["June", EXCL, 1000250000]]);
    const result = resultOf(controller.state);
    expect(result.sheetName).toBe("June");
    expect(result.counts.errors).toBe(0);
    expect(result.status).not.toBe("errors");
    expect(controller.state.fix).toMatchObject({
      kind: "done",
      previous: SLIP,
      written: 1000250000,
    });
    expect(controller.state.status?.text).toBe(
      "Wrote 1,000,250,000 into B36 on June. Undo puts it back."
    );
  });

  test("Undo puts back what the cell held, and the errors come back", async () => {
    const { host, controller } = await slipped();
    controller.proposeFix(EXCL);
    await controller.confirmFix();
    await controller.undoFix();
    expect(host.writes).toEqual([
      ["June", EXCL, 1000250000],
      ["June", EXCL, SLIP],
    ]);
    expect(controller.state.fix).toBeNull();
    expect(resultOf(controller.state).counts.errors).toBeGreaterThan(0);
    expect(controller.state.status?.text).toBe(`Put ${SLIP} back into B36 on June.`);
  });

  test("Undo leaves a cell the user has changed since as it is", async () => {
    const { host, controller } = await slipped();
    controller.proposeFix(EXCL);
    await controller.confirmFix();
    host.edit("June", EXCL, "1,000,250,002");
    await controller.undoFix();
    expect(host.writes).toHaveLength(1);
    expect(controller.state.status?.kind).toBe("error");
    expect(controller.state.status?.text).toMatch(/has changed since/);
    await controller.dispose();
  });

  test("a question about a cell is dropped when another sheet comes into view", async () => {
    const { host, controller } = await slipped();
    host.addPlainSheet("Notes");
    controller.proposeFix(EXCL);
    await controller.start();
    host.switchTo("Notes");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await controller.dispose();
    expect(controller.state.check).toEqual({ kind: "noReturn" });
    expect(controller.state.fix).toBeNull();
  });

  test("while the first option line is typed, the empty second line raises nothing", async () => {
    const ret = june("June", { "A.1.close": "", "A.1.mayIssue": "" });
    const host = new FakeHost()
      .addReturn({ ...ret, shape: { ...ret.shape, options: 2 } })
      .activate("June");
    const { controller } = paneOn(host);
    await controller.check();
    const result = resultOf(controller.state);
    const named = [
      ...result.toFill.map((c) => c.field),
      ...result.groups.flatMap((g) => g.findings.flatMap((f) => f.cells)),
    ];
    expect(named).toContain("A.1.close"); // the line being typed is to fill
    expect(named.filter((id) => id.startsWith("A.2."))).toEqual([]);
  });
});
