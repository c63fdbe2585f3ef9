import { DEFAULT_FORM, FORM_VERSIONS } from "../../src/form";
import {
  blockControls,
  DEFAULT_BLOCK,
  validateBlocks,
  type BlockInput,
} from "../../src/taskpane/class-blocks";
import {
  defaultFormId,
  defaultInsert,
  formChoices,
  planRequestOf,
  updatedInsert,
  validateInsert,
  type InsertInput,
} from "../../src/taskpane/insert-form";
import { FakeHost } from "./fake-host";
import { paneOn } from "./support";

const TODAY = { year: 2026, month: 7, day: 2 };

const block = (patch: Partial<BlockInput> = {}): BlockInput => ({ ...DEFAULT_BLOCK, ...patch });

/** A valid FF301 form for June 2026 with two listed classes. */
function twoClasses(): InsertInput {
  return {
    ...defaultInsert(TODAY),
    issuer: "Example Holdings Limited",
    submitted: "2026-07-03",
    classCount: "2",
    blocks: [
      block({ stockCode: "9999", description: "Ordinary shares (HKD counter)" }),
      block({ className: "Ordinary shares", type: "B", stockCode: "89999", description: "" }),
    ],
    counts: {
      options: "2",
      fundsLines: "1",
      warrants: "0",
      convertibles: "1",
      arrangements: "0",
      otherMovements: "1",
    },
  };
}

describe("form versions in the pane", () => {
  test("a new return starts on the current form, ff301-1.2, with one ordinary listed class", () => {
    expect(defaultFormId()).toBe("ff301-1.2");
    expect(DEFAULT_FORM).toBe("ff301-1.2");
    const { controller } = paneOn(new FakeHost(), { today: () => TODAY });
    expect(controller.state.input).toMatchObject({
      formId: "ff301-1.2",
      monthEnded: "2026-06-30",
      classes: {},
      classCount: "1",
      blocks: [
        {
          className: "Ordinary shares",
          type: "Not applicable",
          listed: "Yes",
          stockCode: "",
          description: "",
        },
      ],
    });
  });

  test("lists all four versions by name: the default, the other FF301 ones, then 2011", () => {
    const choices = formChoices();
    expect(choices.map((c) => c.id)).toEqual([
      "ff301-1.2",
      "ff301-treasury",
      "ff301-1.0",
      "legacy-2011",
    ]);
    expect(choices.map((c) => c.label)).toEqual(choices.map((c) => FORM_VERSIONS[c.id].name));
    expect(choices[0].label).toBe("FF301 v1.2, current (with the public float confirmation)");
    expect(new Set(choices.map((c) => c.label)).size).toBe(4);
  });

  test("labels each block's controls as the version prints them, in its order", () => {
    expect(blockControls("ff301-1.2")).toEqual([
      { key: "className", label: "Class of shares" },
      { key: "type", label: "Type of shares" },
      { key: "listed", label: "Listed on the Exchange", choices: ["Yes", "No"] },
      { key: "stockCode", label: "Stock code (if listed)" },
      { key: "description", label: "Description" },
    ]);
    // the treasury-era version prints its header as v1.2 does
    expect(blockControls("ff301-treasury")).toEqual(blockControls("ff301-1.2"));
    // v1.0.2 prints "Class of shares" first too, beside v1.0's own listing and stock code labels
    expect(blockControls("ff301-1.0").map((c) => [c.key, c.label])).toEqual([
      ["className", "Class of shares"],
      ["type", "Type of shares"],
      ["listed", "Listed on SEHK"],
      ["stockCode", "Stock code"],
      ["description", "Description"],
    ]);
    expect(blockControls("legacy-2011")).toEqual([]);
  });
});

describe("the plan request of an FF301 return", () => {
  test("sets two classes in the shape and passes each class header as initial values", () => {
    const input = twoClasses();
    expect(validateInsert(input)).toEqual({});
    const request = planRequestOf(input);
    expect(request.formId).toBe("ff301-1.2");
    expect(request.shape).toEqual({
      classes: 2,
      options: 2,
      fundsLines: 1,
      warrants: 0,
      convertibles: 1,
      arrangements: 0,
      otherMovements: 1,
    });
    expect(request.header).toEqual({
      monthEnded: "2026-06-30",
      issuer: "Example Holdings Limited",
      submitted: "2026-07-03",
      classesInUse: ["c1", "c2"],
      classInfo: {
        c1: { stockCode: "9999", description: "Ordinary shares (HKD counter)" },
        c2: { stockCode: "89999", description: undefined },
      },
      values: {
        "auth.c1.className": "Ordinary shares",
        "auth.c1.type": "Not applicable",
        "auth.c1.listed": "Yes",
        "auth.c1.stockCode": "9999",
        "auth.c1.description": "Ordinary shares (HKD counter)",
        "auth.c2.className": "Ordinary shares",
        "auth.c2.type": "B",
        "auth.c2.listed": "Yes",
        "auth.c2.stockCode": "89999",
      },
    });
  });

  test("sends only the classes counted, though the form keeps the blocks typed beyond them", () => {
    const input = { ...twoClasses(), classCount: "1" };
    const request = planRequestOf(input);
    expect(request.shape.classes).toBe(1);
    expect(request.header.classesInUse).toEqual(["c1"]);
    expect(Object.keys(request.header.values ?? {}).every((k) => k.startsWith("auth.c1."))).toBe(
      true
    );
  });

  test("trims what was typed and leaves out blank cells (an unlisted class's stock code)", () => {
    const input = {
      ...twoClasses(),
      classCount: "1",
      blocks: [block({ className: "  Domestic shares ", listed: "No", stockCode: " " })],
    };
    expect(validateInsert(input)).toEqual({});
    expect(planRequestOf(input).header.values).toEqual({
      "auth.c1.className": "Domestic shares",
      "auth.c1.type": "Not applicable",
      "auth.c1.listed": "No",
    });
  });

  test("the 2011 form's request has no class count and no initial values", () => {
    const input = { ...defaultInsert(TODAY, "legacy-2011"), issuer: "X" };
    const request = planRequestOf(input);
    expect(request.shape).not.toHaveProperty("classes");
    expect(request.header).not.toHaveProperty("values");
    expect(request.header.classesInUse).toEqual(["ord1"]);
  });
});

describe("checking the class blocks", () => {
  test.each([
    ["a count of 0", "0", [], { classCount: "Between 1 and 10 classes of shares" }],
    ["a count of 11", "11", [], { classCount: "Between 1 and 10 classes of shares" }],
    ["a count in words", "two", [], { classCount: "Between 1 and 10 classes of shares" }],
    [
      "a listed class with no stock code",
      "1",
      [block({ stockCode: "" })],
      { "auth.c1.stockCode": "Class 1 is listed: enter its stock code (1 to 5 digits)" },
    ],
    [
      "a stock code of 6 digits",
      "1",
      [block({ stockCode: "123456" })],
      { "auth.c1.stockCode": "Class 1: a stock code is 1 to 5 digits" },
    ],
    [
      "a stock code with letters",
      "1",
      [block({ stockCode: "HK9999" })],
      { "auth.c1.stockCode": "Class 1: a stock code is 1 to 5 digits" },
    ],
    [
      "a blank class and type",
      "1",
      [block({ className: " ", type: "", stockCode: "9999" })],
      {
        "auth.c1.className": "Class 1: enter the class of shares, e.g. Ordinary shares",
        "auth.c1.type": "Class 1: enter the type of shares, or Not applicable",
      },
    ],
    [
      "no answer to listed",
      "1",
      [block({ listed: "", stockCode: "9999" })],
      { "auth.c1.listed": "Class 1: choose whether it is listed on the Exchange (Yes or No)" },
    ],
    [
      "two listed classes with one stock code",
      "2",
      [block({ stockCode: "9999" }), block({ type: "B", stockCode: "9999" })],
      { "auth.c2.stockCode": "Class 2: stock code 9999 is already class 1's" },
    ],
    [
      "two unlisted classes with one key",
      "2",
      [block({ listed: "No" }), block({ className: "ordinary shares ", listed: "No" })],
      { "auth.c2.className": "Class 2 repeats class 1: change its class, type or stock code" },
    ],
    // the second class was never typed: it starts listed with no stock code
    [
      "a second class never typed",
      "2",
      [block({ stockCode: "9999" })],
      { "auth.c2.stockCode": "Class 2 is listed: enter its stock code (1 to 5 digits)" },
    ],
  ])("flags %s", (_, count, blocks, expected) => {
    expect(validateBlocks(count, blocks)).toEqual(expected);
  });

  test.each([["5"], ["00700"], ["80737"], [" 9999 "]])("takes stock code %j", (code) => {
    expect(validateBlocks("1", [block({ stockCode: code })])).toEqual({});
  });

  test("an unlisted class may leave its stock code blank, or give one", () => {
    expect(validateBlocks("1", [block({ listed: "No" })])).toEqual({});
    expect(validateBlocks("1", [block({ listed: "No", stockCode: "9999" })])).toEqual({});
  });

  test("the form's messages name the class field, and the status the first of them", async () => {
    const host = new FakeHost();
    const { controller } = paneOn(host, { today: () => TODAY });
    controller.updateInsert({ issuer: "Example Holdings Limited", classCount: "2" });
    await controller.insert();
    expect(controller.state.errors).toEqual({
      "auth.c1.stockCode": "Class 1 is listed: enter its stock code (1 to 5 digits)",
      "auth.c2.stockCode": "Class 2 is listed: enter its stock code (1 to 5 digits)",
    });
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "2 fields need attention: Class 1 is listed: enter its stock code (1 to 5 digits).",
    });
    expect(host.count("insertTemplate")).toBe(0);
  });

  test("the 2011 form ignores the class blocks, and FF301 the slot checkboxes", () => {
    const legacy = {
      ...defaultInsert(TODAY, "legacy-2011"),
      issuer: "X",
      classCount: "0",
      blocks: [block({ className: "" })],
    };
    expect(validateInsert(legacy)).toEqual({});
    const ff301 = {
      ...twoClasses(),
      classes: { ord1: { inUse: false, stockCode: "", description: "" } },
    };
    expect(validateInsert(ff301)).toEqual({});
  });
});

describe("switching the form version", () => {
  test("keeps the issuer, dates, counts and class blocks, and restores the slots typed", () => {
    let input = updatedInsert(twoClasses(), { formId: "legacy-2011" });
    expect(input.classes.ord1).toEqual({ inUse: true, stockCode: "", description: "" });
    input = updatedInsert(input, {
      classes: { ...input.classes, pref: { inUse: true, stockCode: "", description: "Pref" } },
    });
    input = updatedInsert(input, { formId: "ff301-treasury" });
    expect(input).toMatchObject({
      formId: "ff301-treasury",
      issuer: "Example Holdings Limited",
      monthEnded: "2026-06-30",
      submitted: "2026-07-03",
      classCount: "2",
      blocks: twoClasses().blocks,
      counts: twoClasses().counts,
    });
    input = updatedInsert(input, { formId: "legacy-2011" });
    expect(input.classes.pref).toEqual({ inUse: true, stockCode: "", description: "Pref" });
    expect(input.counts).toEqual(twoClasses().counts);
  });

  test("a larger class count adds default blocks; a smaller one keeps those typed", () => {
    let input = updatedInsert(defaultInsert(TODAY), { classCount: "3" });
    expect(input.blocks).toEqual([DEFAULT_BLOCK, DEFAULT_BLOCK, DEFAULT_BLOCK]);
    input = updatedInsert(input, {
      blocks: [input.blocks[0], input.blocks[1], block({ type: "H" })],
    });
    input = updatedInsert(input, { classCount: "1" });
    input = updatedInsert(input, { classCount: "" }); // being retyped
    input = updatedInsert(input, { classCount: "3" });
    expect(input.blocks[2]).toEqual(block({ type: "H" }));
  });
});
