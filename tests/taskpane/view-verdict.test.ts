/**
 * @jest-environment jsdom
 */
// The verdict as the pane draws it: the sheet it speaks of, the likely cause first with its
// "Use" button, the question old -> new, Undo, and cells to fill apart from the errors.
import { EXCL, juneReturn, TOTAL } from "../support/june-return";
import type { SheetReturn } from "../../src/plan/host";
import { FakeHost } from "./fake-host";
import { flush } from "./support";
import { click, mount, text, unmount } from "./view-support";

afterEach(unmount);

const june = (changes: Readonly<Record<string, unknown>> = {}) => juneReturn("MR 2026-06", changes);

async function checked(ret: SheetReturn) {
  const host = new FakeHost().addReturn(ret).activate(ret.sheetName);
  host.addresses.set(ret.sheetName, { [EXCL]: "B36", [TOTAL]: "D36", "sig.title": "B88" });
  const pane = mount(host);
  click(pane.root.querySelector("#hkmr-check"));
  await flush();
  return { host, ...pane };
}

describe("the verdict in the pane", () => {
  test("a consistent, complete return reads Ready to file, naming its sheet", async () => {
    const { root } = await checked(june());
    const verdict = root.querySelector(".verdict")!;
    expect(verdict.getAttribute("data-status")).toBe("ready");
    expect(text(verdict)).toMatch(/^✓ MR 2026-06: Ready to file/);
    expect(root.querySelector(".likely")).toBeNull();
    expect(text(root)).not.toMatch(/all checks pass/i);
  });

  test("a blank cell is listed to fill, apart from the errors and without the word Error", async () => {
    const { root } = await checked(june({ "sig.title": "" }));
    expect(root.querySelector(".verdict")!.getAttribute("data-status")).toBe("incomplete");
    expect(text(root.querySelector(".verdict"))).toMatch(/MR 2026-06: 1 cell to fill/);
    const items = [...root.querySelectorAll('.to-fill .finding[data-severity="to-fill"]')];
    expect(items.map(text)).toEqual(["✎B88: Title"]);
    expect(root.querySelector(".to-fill .severity")).toBeNull();
    expect(root.querySelectorAll('.finding[data-severity="error"]')).toHaveLength(0);
  });

  test("the likely cause comes first, then Use asks old -> new, then Undo is offered", async () => {
    const { root, host } = await checked(june({ [EXCL]: "1,000,250,001" }));
    const likely = root.querySelector(".likely")!;
    // the errors it explains are folded under it, not listed as advice to change their cells
    expect(likely.querySelectorAll('.explained .finding[data-severity="error"]')).toHaveLength(2);
    expect(root.querySelectorAll('.group .finding[data-severity="error"]')).toHaveLength(0);
    expect(root.querySelector(".likely")).toBe(root.querySelector(".check-result > div.likely"));
    expect(text(likely.querySelector(".likely-text"))).toMatch(
      /^Likely cause: B36, Balance at close of the month.*\. 1,000,250,000 would clear \d+ errors?\.$/
    );
    click(likely.querySelector('[data-action="use"]'));
    await flush();
    expect(text(root.querySelector('.fix[data-kind="confirm"] p'))).toBe(
      "Change B36 on MR 2026-06 from 1,000,250,001 to 1,000,250,000?"
    );
    expect(host.count("writeField")).toBe(0);
    click(root.querySelector('[data-action="confirm"]'));
    await flush();
    expect(host.writes).toEqual([["MR 2026-06", EXCL, 1000250000]]);
    expect(root.querySelector(".verdict")!.getAttribute("data-status")).toBe("ready");
    expect(text(root.querySelector('[data-action="undo"]'))).toBe("Undo: put back 1,000,250,001");
    click(root.querySelector('[data-action="undo"]'));
    await flush();
    expect(root.querySelector(".verdict")!.getAttribute("data-status")).toBe("errors");
    expect(root.querySelector(".fix")).toBeNull();
  });

  test("names every cell equally likely to be the slip, offering Use on the first few", async () => {
    const { root, controller } = await checked(june({ "A.1.granted": "500,001" }));
    const check = controller.state.check;
    if (check.kind !== "result") throw new Error("no result");
    const [top] = check.suggestions;
    expect(top.tiedWith.length).toBeGreaterThan(0);
    const named = [top.field, ...top.tiedWith.map((c) => c.field)];
    expect(named).toContain("A.1.granted");
    const offered = [...root.querySelectorAll(".likely-item")].map((i) =>
      i.getAttribute("data-target")
    );
    expect(offered[0]).toBe(top.field);
    expect(offered.length).toBe(Math.min(3, named.length));
    const words = text(root.querySelector(".likely"));
    for (const cell of top.tiedWith.filter((c) => !offered.includes(c.field)))
      expect(words).toContain(cell.address || cell.label);
    expect(words).toMatch(/^Likely cause: .*Equally likely: /);
  });

  test("the Undo offer shows while its sheet is in view, and again when it comes back", async () => {
    const { root, host, controller } = await checked(june({ [EXCL]: "1,000,250,001" }));
    host.addReturn({ ...june(), sheetName: "Other" });
    await controller.start();
    click(root.querySelector('[data-action="use"]'));
    click(root.querySelector('[data-action="confirm"]'));
    await flush();
    expect(root.querySelector('.fix[data-kind="done"]')).not.toBeNull();
    host.switchTo("Other");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flush();
    expect(root.querySelector(".verdict")!.getAttribute("data-sheet")).toBe("Other");
    expect(root.querySelector(".fix")).toBeNull();
    host.switchTo("MR 2026-06");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await flush();
    expect(text(root.querySelector('.fix[data-kind="done"] p'))).toBe(
      "B36 on MR 2026-06 now holds 1,000,250,000 (it held 1,000,250,001)."
    );
  });
});
