import fc from "fast-check";
import { decToString } from "../../src/values/decimal";
import { stripAnnotations, stripMarkers } from "../../src/values/annotations";
import { formatParsed, parseCell, type Parsed } from "../../src/values/parse";

function expectNumber(p: Parsed): Extract<Parsed, { tag: "number" }> {
  if (p.tag !== "number") throw new Error(`expected a number, got ${JSON.stringify(p)}`);
  return p;
}

describe("figures as filed, with what is printed beside them", () => {
  test.each<[string, string, string | null, boolean, string | undefined]>([
    ["HK$0.05 (Remarks)", "0.05", "HKD", true, "(Remarks)"],
    ["HK$300,000,000.00 (Remarks)", "300000000", "HKD", true, "(Remarks)"],
    ["HK$1.20 per share", "1.2", "HKD", false, undefined],
    ["US$0.0353 Per Share", "0.0353", "USD", false, undefined],
    ["HK$1.20  per   share", "1.2", "HKD", false, undefined],
    ["123,456,789*", "123456789", null, true, undefined],
    ["1,000 (Note 2)", "1000", null, true, "(Note 2)"],
    ["(Note 2) 1,000", "1000", null, true, "(Note 2)"],
    ["(1,000) (Note 2)", "-1000", null, true, "(Note 2)"],
    ["2,000,000* (Remark 1)", "2000000", null, true, "(Remark 1)"],
    ["HK$0.10 per share (Remarks)", "0.1", "HKD", true, "(Remarks)"],
    ["0.05 (see remarks (a))", "0.05", null, true, "(see remarks (a))"],
  ])("reads %p as %s %s, marked %p, note %p", (text, value, currency, marked, note) => {
    const p = expectNumber(parseCell(text, "number"));
    expect(decToString(p.value)).toBe(value);
    expect(p.currency).toBe(currency);
    expect(p.marked).toBe(marked);
    expect(p.note).toBe(note);
    expect(p.text).toBe(text);
  });

  test.each(["N/A (Remark)", "n/a (Note 1)", "(Note 3) N/A"])("reads %p as N/A", (text) => {
    expect(parseCell(text, "number")).toEqual({ tag: "na", text });
  });

  test.each<[string, string]>([
    ["Nil (Note 1)", "(Note 1)"],
    ["- (Remarks)", "(Remarks)"],
  ])("reads %p as a nil marked by its note", (text, note) => {
    expect(parseCell(text, "number")).toEqual({ tag: "nil", marked: true, note, text });
  });

  test.each<[string, string]>([
    ["HKD", "HKD"],
    ["HK$", "HKD"],
    [" RMB ", "CNY"],
    ["US$", "USD"],
  ])("reads the currency %p printed alone as zero in %s", (text, currency) => {
    expect(parseCell(text, "number")).toEqual({ tag: "nil", marked: false, currency, text });
    const list = parseCell(text, "moneyList");
    expect(list.tag).toBe("moneyList");
    if (list.tag === "moneyList") {
      expect(list.items.map((i) => [decToString(i.value), i.currency])).toEqual([["0", currency]]);
    }
  });

  test("reads an amount with a note in a money list, marked", () => {
    const p = parseCell("HK$300,000,000.00 (Remarks)", "moneyList");
    expect(p.tag === "moneyList" && p.items.map((i) => decToString(i.value))).toEqual([
      "300000000",
    ]);
    expect(p).toMatchObject({ marked: true });
    expect(parseCell("HK$300,000,000.00", "moneyList")).not.toHaveProperty("marked");
  });

  test.each<[string, string]>([
    ["(Note 2)", "write a number"],
    ["TBC (see remarks)", "write a number"],
    ["about 1,000 (Note 1)", "write a number"],
    ["500 (HKD)", "write a number"],
    ["(Remarks) (Note 2)", "write a number"],
    ["HKD HKD", "write a number"],
    ["per share", "write a number"],
  ])("still reports %p as a problem that quotes it", (text, fragment) => {
    const p = parseCell(text, "number");
    expect(p.tag).toBe("problem");
    if (p.tag === "problem") {
      expect(p.text).toBe(text);
      expect(p.message).toContain(fragment);
    }
  });

  test.each(["(1,000)", "(HK$500)", "(Not Applicable)", "(Nil)"])(
    "keeps a bracket that is the whole figure, %p, as the figure's own",
    (text) => {
      expect(stripAnnotations(text)).toEqual({ figure: text, note: null, marked: false });
    }
  );

  test("a date cell takes only the marker off, never a note", () => {
    expect(parseCell("30/11/2011*", "date")).toMatchObject({ tag: "date", day: 30 });
    expect(parseCell("30/11/2011 (Note 1)", "date").tag).toBe("problem");
  });

  test.each<[string, string]>([
    ["HK$0.05 (Remarks)", "HK$0.05 (Remarks)"],
    ["Nil (Note 1)", "Nil (Note 1)"],
    ["123,456,789*", "123,456,789*"],
    ["HK$1.20 per share", "HK$1.2"],
    ["HKD", "Nil"],
  ])("writes %p for a message as %p", (text, shown) => {
    expect(formatParsed(parseCell(text, "number"))).toBe(shown);
  });

  test("stripMarkers takes stars and spaces off both ends only", () => {
    expect(stripMarkers(" * 1*2 ** ")).toEqual({ text: "1*2", marked: true });
    expect(stripMarkers("12")).toEqual({ text: "12", marked: false });
  });
});

describe("a note beside any figure", () => {
  const note = fc.constantFrom("(Remarks)", "(Remark)", "(Note 2)", "(see remarks)");
  const figure = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map(String);

  test("reads the figure's own value and marks it, before or after", () => {
    fc.assert(
      fc.property(figure, note, fc.boolean(), (text, n, before) => {
        const plain = expectNumber(parseCell(text, "number"));
        const p = expectNumber(parseCell(before ? `${n} ${text}` : `${text} ${n}`, "number"));
        expect(decToString(p.value)).toBe(decToString(plain.value));
        expect(p).toMatchObject({ marked: true, note: n });
      })
    );
  });
});
