import { DetailedCellError, HyperFormula, type CellValue } from "hyperformula";
import * as functions from "../../src/functions/functions";
import { registerHkmrFunctions, type FunctionsMetadata } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import { hkmrHyperFormula, hkmrMetadata } from "../support/hkmr-hyperformula";

let hf: HyperFormula;
let sheet: number;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
  sheet = hf.getSheetId(hf.addSheet("Functions"))!;
});

/** Writes rows at A1 and evaluates a formula on the sheet. */
function evaluate(formula: string, rows: (string | number | null)[][] = [[]]): CellValue {
  hf.setSheetContent(sheet, rows);
  return hf.calculateFormula(formula, sheet) as CellValue;
}

const cellError = (value: string, message: string | RegExp = /^/) =>
  expect.objectContaining({
    value,
    message: typeof message === "string" ? message : (expect.stringMatching(message) as unknown),
  }) as unknown;

test("registers every function of functions.json as HKMR.<name>", async () => {
  const metadata = await hkmrMetadata();
  const again = registerHkmrFunctions(HyperFormula, metadata, functions);
  expect(again.sort()).toEqual(metadata.functions.map((f) => `HKMR.${f.name}`).sort());
  expect(again).toEqual(expect.arrayContaining(["HKMR.NUM", "HKMR.CHECK", "HKMR.TOTAL"]));
});

describe("gives the values the functions give when Excel calls them", () => {
  const options = [
    ["Ordinary shares", "10,000", "US$ 0.0353"],
    [null, "5,000", "US$0.2118"],
    ["ordinary", "37,000", "US$0.24"],
    ["Preference", 500, "HK$3.60"],
  ];
  test.each<[string, (string | number | null)[][], CellValue]>([
    ['=HKMR.NUM("1,234")', [[]], 1234],
    ["=HKMR.NUM(A1)", [["(500)"]], -500],
    ["=HKMR.NUM(A1)", [[null]], 0],
    ["=HKMR.ROLLFORWARD(A1,B1)", [["1,167,621,933", "52,000"]], 1167673933],
    ["=HKMR.ROLLFORWARD(A1,B1)", [[1000, "(200)"]], 800],
    ['=HKMR.TOTAL(A1:A4,B1:B4,"Ordinary shares")', options, 47000],
    ['=HKMR.TOTAL(A1:A4,B1:B4,"")', options, 5000], // a blank class cell is passed as ""
    ['=HKMR.TOTAL(A1:A4,B1:B4,"preference")', options, 500],
    ['=HKMR.FUNDS(B1:B4,C1:C4,"US$")', options, 10292],
    ['=HKMR.FUNDS(B1:B4,C1:C4,"HK$")', options, 1800],
    ['=HKMR.TIE(A1,"1,234")', [[1234]], "OK"],
    ["=HKMR.TIE(A1,B1)", [["1,235", "1,234"]], "Error: expected 1,234; found 1,235"],
  ])("%s on %j gives %p", (formula, rows, expected) => {
    expect(evaluate(formula, rows)).toEqual(expected);
  });
});

describe("turns what a function throws into the cell error Excel shows, with its message", () => {
  test.each<[string, (string | number | null)[][], string, RegExp]>([
    ['=HKMR.ROLLFORWARD("N/A","Nil")', [[]], "#N/A", /reads N\/A/],
    ["=HKMR.NUM(A1)", [["N/A"]], "#N/A", /N\/A/],
    ['=HKMR.NUM("about 5")', [[]], "#VALUE!", /"about 5" is not a figure/],
    ['=HKMR.FUNDS(A1,B1,"XYZ")', [["1", "US$1"]], "#VALUE!", /"XYZ" is not a currency/],
    ['=HKMR.CHECK("nonsense",A1)', [["1"]], "#VALUE!", /Not a check of this add-in/],
  ])("%s on %j gives %s", (formula, rows, code, message) => {
    expect(evaluate(formula, rows)).toEqual(cellError(code, message));
  });
});

describe("passes an error value among the inputs on, as Excel does, without calling", () => {
  test.each<[string, (string | number | null)[][], string]>([
    ["=HKMR.TIE(1/0,1)", [[]], "#DIV/0!"],
    ["=HKMR.NUM(A1)", [["=NA()"]], "#N/A"],
    [
      '=HKMR.TOTAL(A1:A2,B1:B2,"ordinary")',
      [
        ["ordinary", "1"],
        ["ordinary", "=1/0"],
      ],
      "#DIV/0!",
    ],
    ["=HKMR.FUNDS(A1,B1,C1)", [["1", "US$1", "=NA()"]], "#N/A"],
    [
      '=HKMR.CHECK("nonsense",A1,B1:B2)',
      [
        ["1", "2"],
        [null, "=1/0"],
      ],
      "#DIV/0!",
    ],
  ])("%s on %j gives %s", (formula, rows, code) => {
    expect(evaluate(formula, rows)).toEqual(cellError(code));
  });
});

describe("calls an implementation with what Excel would pass", () => {
  const metadata: FunctionsMetadata = {
    functions: [
      {
        id: "PROBE",
        name: "PROBE",
        parameters: [
          { name: "range", type: "any", dimensionality: "matrix" },
          { name: "cell", type: "any" },
          { name: "text", type: "string" },
          { name: "rest", type: "any", dimensionality: "matrix", repeating: true },
        ],
      },
      { id: "FAIL", name: "FAIL", parameters: [] },
    ],
  };
  let seen: unknown[] = [];
  const implementations = {
    probe: (...args: unknown[]) => {
      seen = args;
      return "called";
    },
    fail: () => {
      throw new TypeError("a bug");
    },
  };
  let probe: HyperFormula;
  let at: number;

  beforeAll(() => {
    registerHkmrFunctions(HyperFormula, metadata, implementations, "TEST");
    probe = HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS]);
    at = probe.getSheetId(probe.addSheet("Probe"))!;
    probe.setSheetContent(at, [
      ["Nil", 12, null],
      ["30/11/2011", "N/A", "x"],
    ]);
  });

  test('ranges as 2-D arrays (blank as "", dates as serials), repeating ranges gathered', () => {
    expect(probe.calculateFormula("=TEST.PROBE(A1:C2,B1,B1,A1,C1:C2)", at)).toBe("called");
    expect(seen).toEqual([
      [
        ["Nil", 12, ""],
        [40877, "N/A", "x"],
      ],
      12,
      "12",
      [[["Nil"]], [[""], ["x"]]],
    ]);
  });

  test('a blank cell as ""', () => {
    probe.calculateFormula("=TEST.PROBE(C1,C1,C1,C1)", at);
    expect(seen).toEqual([[[""]], "", "", [[[""]]]]);
  });

  test("a program error as #VALUE! with its message", () => {
    expect(probe.calculateFormula("=TEST.FAIL()", at)).toEqual(cellError("#VALUE!", "a bug"));
  });

  test("too few arguments as #N/A, as for any function", () => {
    expect(probe.calculateFormula("=TEST.PROBE(A1)", at)).toBeInstanceOf(DetailedCellError);
  });

  test("refuses metadata naming a function the module does not export", () => {
    expect(() => registerHkmrFunctions(HyperFormula, metadata, { probe: () => 1 }, "TEST")).toThrow(
      /FAIL, which the functions module does not export/
    );
  });
});
