// One set of limits, applied by every entry point: over a limit is a clear error, never a freeze.
import {
  formVersion,
  isLimitError,
  layoutOf,
  LIMITS,
  shapeProblem,
  type Shape,
} from "../../src/form";
import { LruMap } from "../../src/form/lru";
import { isHostError } from "../../src/plan/host";
import { META_NAME, readMeta } from "../../src/plan/meta";
import { returnSchema } from "../../src/rules/return-doc";
import { validateInsert } from "../../src/taskpane/insert-form";
import { validateBlocks } from "../../src/taskpane/class-blocks";
import { FakeExcel } from "../excel/fake-excel";
import { hostOn } from "../excel/helpers";
import { FakeHost } from "../taskpane/fake-host";
import { paneOn } from "../taskpane/support";

const AT_LIMIT: Shape = {
  classes: LIMITS.classes,
  options: LIMITS.linesPerPart,
  fundsLines: LIMITS.linesPerPart,
  warrants: LIMITS.linesPerPart,
  convertibles: LIMITS.linesPerPart,
  arrangements: LIMITS.linesPerPart,
  otherMovements: LIMITS.linesPerPart,
};

describe("the shape limits", () => {
  test("a shape at every limit is within them", () => {
    expect(shapeProblem(AT_LIMIT)).toBeNull();
  });

  test.each<[Partial<Shape>, RegExp]>([
    [{ classes: 1000 }, /^1,000 share classes: a return has at most 10\.$/],
    [{ options: 20_000 }, /^20,000 option lines: a return has at most 200\.$/],
    [{ otherMovements: 201 }, /^201 "Other" movement lines/],
    [{ warrants: Number.NaN }, /warrant lines/],
    [{ eLines: { repurchase: 500 } }, /^500 "repurchase" lines of part \(E\)/],
  ])("%j is over them", (shape, message) => {
    expect(shapeProblem({ ...AT_LIMIT, ...shape })).toMatch(message);
  });

  test("layoutOf refuses a shape over them at once with a LimitError", () => {
    const form = formVersion("ff301-1.2")!;
    let thrown: unknown;
    try {
      layoutOf(form, { ...AT_LIMIT, classes: 1000 });
    } catch (error) {
      thrown = error;
    }
    expect(isLimitError(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(/1,000 share classes/);
  });

  test("the file format refuses counts, classes and cells over them", () => {
    const parsed = returnSchema.safeParse({
      format: "hkmr-return/1",
      form: "ff301-1.2",
      shape: { ...AT_LIMIT, classes: 11, options: 201 },
      values: { "hdr.issuer": "x".repeat(LIMITS.cellLength + 1) },
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages.sort()).toEqual([
      "shape.classes: at most 10 share classes (the add-in's limit)",
      "shape.options: at most 200 lines in a part (the add-in's limit)",
      "values.hdr.issuer: at most 32767 characters, Excel's maximum for a cell",
    ]);
  });
});

describe("a sheet's metadata read back", () => {
  const claims = `="legacy-2011|o20000.f1.w0.c0.a0.e1|2011-11-30"`;

  test("a marker claiming 20,000 lines is no return in a list, and a clear error when read", () => {
    expect(readMeta(claims)).toBeNull();
    expect(() => readMeta(claims, "throw")).toThrow(
      "This sheet's return marker claims 20,000 option lines: a return has at most 200."
    );
  });

  test("the Excel host reports it in words, at once", async () => {
    const fake = new FakeExcel(["Other"]);
    fake.addSheet("Crafted").names.set(META_NAME, claims);
    const failure: unknown = await hostOn(fake)
      .readReturn("Crafted")
      .catch((error: unknown) => error);
    expect(isHostError(failure)).toBe(true);
    expect((failure as Error).message).toMatch(/claims 20,000 option lines/);
    expect(await hostOn(fake).listReturns()).toEqual([]);
  });

  test("the pane shows the limit, not 'something went wrong'", async () => {
    const host = new FakeHost();
    host.readActiveReturn = () =>
      Promise.reject(
        new (class extends RangeError {
          override readonly name = "LimitError";
        })("This sheet's return marker claims 20,000 option lines: a return has at most 200.")
      );
    const { controller, logged } = paneOn(host);
    await controller.check();
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "This sheet's return marker claims 20,000 option lines: a return has at most 200.",
    });
    expect(logged).toEqual([]);
  });
});

describe("the pane's form", () => {
  const long = "x".repeat(LIMITS.cellLength + 1);

  test("refuses an issuer, stock code or description longer than a cell holds", () => {
    const { controller } = paneOn(new FakeHost());
    controller.updateInsert({ formId: "legacy-2011" });
    const input = controller.state.input;
    expect(validateInsert({ ...input, issuer: long }).issuer).toMatch(
      /too long: 32,768 characters: a cell holds at most 32,767/
    );
    const classes = { ...input.classes, ord1: { inUse: true, stockCode: "", description: long } };
    expect(validateInsert({ ...input, issuer: "X", classes }).classes).toMatch(/too long/);
  });

  test("refuses an FF301 class header longer than a cell holds", () => {
    const { controller } = paneOn(new FakeHost());
    const [block] = controller.state.input.blocks;
    expect(validateBlocks("1", [{ ...block, stockCode: "03888", description: long }])).toEqual({
      "auth.c1.description": expect.stringMatching(/Class 1: too long/) as unknown,
    });
  });
});

describe("LruMap", () => {
  test("keeps the most recently used entries up to its capacity", () => {
    const lru = new LruMap<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // "a" is now newer than "b"
    lru.set("c", 3);
    expect([lru.get("a"), lru.get("b"), lru.get("c"), lru.size]).toEqual([1, undefined, 3, 2]);
  });

  test("bounds the layouts kept: a shape used long ago is built anew", () => {
    const form = formVersion("legacy-2011")!;
    const shape = (k: number): Shape => ({
      options: k % 20,
      fundsLines: Math.floor(k / 20),
      warrants: 0,
      convertibles: 0,
      arrangements: 0,
      otherMovements: 0,
    });
    const first = layoutOf(form, shape(0));
    expect(layoutOf(form, shape(0))).toBe(first);
    for (let k = 1; k <= 300; k++) layoutOf(form, shape(k));
    expect(layoutOf(form, shape(0))).not.toBe(first);
  });
});
