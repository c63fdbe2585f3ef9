import { defaultInsert } from "../../src/taskpane/insert-form";
import {
  keyedStorage,
  recallInsert,
  rememberedText,
  type PaneStorage,
} from "../../src/taskpane/insert-memory";
import { FakeHost } from "./fake-host";
import { paneOn } from "./support";

const TODAY = { year: 2026, month: 7, day: 15 };
const fresh = () => defaultInsert(TODAY);

/** A storage over a map, as a browser's localStorage under one key. */
function memoryStorage(): PaneStorage & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  const store = {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
  return { map, ...keyedStorage(store, "form") };
}

describe("the insert form remembers its last entries", () => {
  test("a reloaded pane starts with the issuer, version, classes and counts typed last, not the month", () => {
    const storage = memoryStorage();
    const first = paneOn(new FakeHost(), { storage, today: () => TODAY }).controller;
    first.updateInsert({ formId: "legacy-2011" });
    first.updateInsert({
      issuer: "Example Holdings Limited",
      monthEnded: "2026-03-31",
      classes: {
        ...first.state.input.classes,
        pref: { inUse: true, stockCode: "9999", description: "Preference" },
      },
      counts: { ...first.state.input.counts, options: "3", warrants: "2" },
    });
    const again = paneOn(new FakeHost(), { storage, today: () => TODAY }).controller.state.input;
    expect(again.formId).toBe("legacy-2011");
    expect(again.issuer).toBe("Example Holdings Limited");
    expect(again.classes.pref).toEqual({
      inUse: true,
      stockCode: "9999",
      description: "Preference",
    });
    expect(again.counts.options).toBe("3");
    expect(again.counts.warrants).toBe("2");
    expect(again.monthEnded).toBe("2026-06-30"); // another month: last month's end again
  });

  test("FF301's class blocks come back as typed", () => {
    const input = {
      ...fresh(),
      classCount: "2",
      blocks: [
        {
          className: "Ordinary shares",
          type: "Not applicable",
          listed: "Yes",
          stockCode: "1",
          description: "A",
        },
        {
          className: "Preference shares",
          type: "Not applicable",
          listed: "No",
          stockCode: "",
          description: "B",
        },
      ],
    };
    const back = recallInsert(fresh(), rememberedText(input));
    expect(back.classCount).toBe("2");
    expect(back.blocks).toEqual(input.blocks);
  });

  test.each([
    ["nothing stored", null],
    ["text that is not JSON", "{not json"],
    ["JSON of another shape", "[1,2,3]"],
    ["another version of the record", JSON.stringify({ v: 2, issuer: "X" })],
    ["a form version the add-in does not know", JSON.stringify({ v: 1, formId: "ff999" })],
    ["numbers where text belongs", JSON.stringify({ v: 1, issuer: 42, counts: { options: 7 } })],
    ["a block missing its fields", JSON.stringify({ v: 1, blocks: [{ className: "X" }] })],
    ["a class without its flag", JSON.stringify({ v: 1, classes: { ord1: { stockCode: "1" } } })],
    [
      "a prototype key",
      '{"v":1,"__proto__":{"issuer":"polluted"},"classes":{"__proto__":{"inUse":true,"stockCode":"","description":""}},"eLines":{"__proto__":"9"}}',
    ],
    ["a huge text", JSON.stringify({ v: 1, issuer: "x".repeat(100_000) })],
  ])("%s leaves the form as a fresh one", (_, stored) => {
    const back = recallInsert(fresh(), stored);
    expect(back).toEqual(fresh());
    expect(({} as Record<string, unknown>).issuer).toBeUndefined();
  });

  test("a storage that throws neither breaks the pane nor its form", () => {
    const broken: PaneStorage = {
      read: () => {
        throw new Error("denied");
      },
      write: () => {
        throw new Error("full");
      },
    };
    const { controller } = paneOn(new FakeHost(), { storage: broken, today: () => TODAY });
    controller.updateInsert({ issuer: "Example Holdings Limited" });
    expect(controller.state.input.issuer).toBe("Example Holdings Limited");
  });
});
