// The preview never loses typed work: stored contents are validated on load, and whatever cannot
// be restored is kept aside as it was, for the user to export or discard; restoring never throws.
import { HyperFormula } from "hyperformula";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { LIMITS } from "../../src/form";
import { planTemplate } from "../../src/plan/template";
import { registerHkmrFunctions } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import {
  ASIDE_KEY,
  discardKeptAside,
  keptAside,
  moveAside,
  restoreWorkbook,
  saveWorkbook,
  STORAGE_KEY,
  type KeyValueStore,
} from "../../src/preview/persist";
import { PreviewHost } from "../../src/preview/preview-host";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { hkmrMetadata } from "../support/hkmr-hyperformula";

const SHAPE = {
  options: 1,
  fundsLines: 1,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
};

async function newWorkbook(): Promise<PreviewWorkbook> {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  return new PreviewWorkbook(HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS]));
}

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  constructor(saved?: string) {
    if (saved !== undefined) this.map.set(STORAGE_KEY, saved);
  }
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

/** A stored sheet of the 2011 form with one typed figure. */
const goodSheet = (name: string, extra: object = {}) => ({
  name,
  essentials: { formId: "legacy-2011", shape: SHAPE, monthEnded: "2011-11-30" },
  inputs: { "hdr.issuer": "Typed by hand Ltd", "issued.ord1.close.shares": 1234 },
  ...extra,
});

const CORRUPT: readonly [string, string][] = [
  ["a null sheet", `{"sheets":[null]}`],
  ["not JSON", `{"sheets":[`],
  ["no sheet list", `{"sheets":"MR 2011-11"}`],
  ["a sheet without a name", JSON.stringify({ sheets: [{ inputs: {} }], active: null })],
  ["damaged inputs", JSON.stringify({ sheets: [goodSheet("MR 2011-11", { inputs: 5 })] })],
  [
    "an unknown form",
    JSON.stringify({
      sheets: [goodSheet("MR 2011-11", { essentials: { formId: "x", shape: {}, monthEnded: "" } })],
    }),
  ],
  [
    "options: 2000",
    JSON.stringify({
      sheets: [
        goodSheet("MR 2011-11", {
          essentials: { formId: "legacy-2011", shape: { ...SHAPE, options: 2000 }, monthEnded: "" },
        }),
      ],
    }),
  ],
  [
    "500 sheets",
    JSON.stringify({
      sheets: Array.from({ length: 500 }, (_, k) => goodSheet(`MR ${k}`)),
      active: "MR 0",
    }),
  ],
];

describe.each(CORRUPT)("stored contents with %s", (_, saved) => {
  test("start the page, are reported and kept aside as they were, and survive the next save", async () => {
    const store = new MemoryStore(saved);
    const workbook = await newWorkbook();
    const report = restoreWorkbook(workbook, store);
    expect(report.lost.length).toBeGreaterThan(0);
    expect(report.reasons.length).toBe(report.lost.length);
    expect(report.keptAside).toBe(true);
    expect(JSON.parse(keptAside(store)!)).toEqual([saved]);
    // the user goes on: a new sheet, saved over the workbook's key; the old text is still aside
    await new PreviewHost(workbook).insertTemplate(
      planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-12-31" })
    );
    expect(saveWorkbook(workbook, store)).toBeNull();
    expect(JSON.parse(keptAside(store)!)).toEqual([saved]);
    discardKeptAside(store);
    expect(keptAside(store)).toBeNull();
  });
});

test("restores the sound sheets beside one that cannot be restored, whose figures stay aside", async () => {
  const saved = JSON.stringify({
    sheets: [
      goodSheet("MR 2011-10"),
      goodSheet("MR 2011-11", {
        essentials: { formId: "legacy-1999", shape: SHAPE, monthEnded: "" },
      }),
    ],
    active: "MR 2011-11",
  });
  const store = new MemoryStore(saved);
  const workbook = await newWorkbook();
  const report = restoreWorkbook(workbook, store);
  expect(report.lost).toEqual(["MR 2011-11"]);
  expect(workbook.sheets.map((s) => s.name)).toEqual(["MR 2011-10"]);
  expect(workbook.active?.name).toBe("MR 2011-10");
  saveWorkbook(workbook, store);
  expect(store.getItem(STORAGE_KEY)).not.toContain("legacy-1999");
  expect(keptAside(store)).toContain("legacy-1999");
});

test("keeps each failure aside, the earlier ones too", async () => {
  const store = new MemoryStore(`{"sheets":[null]}`);
  restoreWorkbook(await newWorkbook(), store);
  store.setItem(STORAGE_KEY, "not json");
  restoreWorkbook(await newWorkbook(), store);
  restoreWorkbook(await newWorkbook(), store); // the same again is not kept twice
  expect(JSON.parse(keptAside(store)!)).toEqual([`{"sheets":[null]}`, "not json"]);
});

test("a storage that cannot be read gives an empty workbook, not a failure", async () => {
  const store: KeyValueStore = {
    getItem: () => {
      throw new Error("SecurityError");
    },
    setItem: () => undefined,
    removeItem: () => undefined,
  };
  const report = restoreWorkbook(await newWorkbook(), store);
  expect(report).toEqual({
    lost: ["(the saved workbook)"],
    reasons: ["the browser's storage cannot be read"],
    keptAside: false,
  });
});

test("says so when nothing could be kept aside (storage full), so the page holds its saves", async () => {
  const store = new MemoryStore(`{"sheets":[null]}`);
  store.setItem = (k: string, v: string) => {
    if (k === ASIDE_KEY) throw new Error("QuotaExceededError");
    store.map.set(k, v);
  };
  const report = restoreWorkbook(await newWorkbook(), store);
  expect(report.keptAside).toBe(false);
  expect(store.getItem(STORAGE_KEY)).toBe(`{"sheets":[null]}`);
});

test("moving the saved workbook aside clears it without losing it", () => {
  const store = new MemoryStore(`{"sheets":[null]}`);
  expect(moveAside(store)).toBe(true);
  expect(store.getItem(STORAGE_KEY)).toBeNull();
  expect(JSON.parse(keptAside(store)!)).toEqual([`{"sheets":[null]}`]);
});

test("the preview refuses a sheet past its limit, in words", async () => {
  const full = { sheets: { length: LIMITS.previewSheets } } as unknown as PreviewWorkbook;
  const plan = planTemplate("legacy-2011", SHAPE, { monthEnded: "2011-11-30" });
  await expect(new PreviewHost(full).insertTemplate(plan)).rejects.toThrow(
    `The preview keeps at most ${LIMITS.previewSheets} sheets`
  );
});
