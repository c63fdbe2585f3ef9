import fc from "fast-check";
import { currencySymbol } from "../../src/values/currency";
import { decFromString, eq, formatDec, neg, toNumber, type Dec } from "../../src/values/decimal";
import { parseCell, type Expect, type Parsed } from "../../src/values/parse";

const EXPECTS: readonly Expect[] = ["number", "date", "text", "moneyList"];
const TAGS = ["number", "nil", "na", "blank", "date", "text", "moneyList", "problem"];

// characters that reach the deep paths of the readers: digits, separators, signs, currencies, words
const figureChars = fc.constantFrom(
  ..."0123456789,.() -*/+&;\n\u2212\u2014\u00a0$HKUSDRMBNilnaA\\€£¥x".split("")
);
const figureish = fc.string({ unit: figureChars, maxLength: 30 });
// what filed returns print beside a figure, and a currency printed alone ("HKD" where nothing moved)
const beside = fc.constantFrom(
  "",
  "*",
  " (Remarks)",
  " (Remark)",
  " (Note 2)",
  "(Note 2) ",
  " per share",
  " Per Share (Remarks)",
  " (",
  ")",
  " ((Note)"
);
const currencyOnly = fc.constantFrom("HKD", "HK$", "US$", "RMB", " usd ", "(HK$)", "HKD$", "€");
const annotated = fc.oneof(
  fc.tuple(beside, fc.oneof(figureish, currencyOnly), beside).map(([a, f, b]) => a + f + b),
  currencyOnly
);

function wellFormed(p: Parsed): void {
  expect(TAGS).toContain(p.tag);
  if (p.tag === "problem") {
    expect(typeof p.text).toBe("string");
    expect(p.message.length).toBeGreaterThan(0);
    // the catch-all inside parseCell would hide a reader bug: it must never be what answered
    expect(p.message).not.toContain("could not be read");
  }
}

describe("parseCell never throws", () => {
  test.each(EXPECTS)("on any string, any unicode and figure-like text (%s)", (expect_) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), figureish, annotated),
        (text) => wellFormed(parseCell(text, expect_))
      ),
      { numRuns: 2000 }
    );
  });

  test.each(EXPECTS)("on annotated and currency-only text (%s)", (expect_) => {
    fc.assert(
      fc.property(annotated, (text) => wellFormed(parseCell(text, expect_))),
      { numRuns: 2000 }
    );
  });

  test.each(EXPECTS)("on any JSON value or anything at all (%s)", (expect_) => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.double()), (value) =>
        wellFormed(parseCell(value, expect_))
      ),
      { numRuns: 1000 }
    );
  });

  test("keeps a string input as its text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), figureish, annotated), (text) => {
        const p = parseCell(text, "number");
        if (p.tag !== "blank") expect(p.text).toBe(text);
      })
    );
  });
});

function grouped(n: bigint): string {
  return formatDec(decFromString(n.toString()));
}

describe("formatted figures read back", () => {
  const money = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
  const currency = fc.constantFrom(null, "USD", "HKD", "CNY", "CAD", "EUR", "GBP", "SGD", "AUD");

  test("a grouped integer, negatives in brackets, with a currency prefix, reads as itself", () => {
    fc.assert(
      fc.property(money, currency, fc.boolean(), (n, code, space) => {
        const magnitude = grouped(n < 0n ? -n : n);
        const prefix = code === null ? "" : currencySymbol(code) + (space ? " " : "");
        const text = n < 0n ? `(${prefix}${magnitude})` : `${prefix}${magnitude}`;
        const p = parseCell(text, "number");
        expect(p).toMatchObject({ tag: "number", currency: code, marked: false });
        if (p.tag === "number") expect(eq(p.value, decFromString(n.toString()))).toBe(true);
      })
    );
  });

  test("a minus sign or a currency after the figure reads the same", () => {
    fc.assert(
      fc.property(money, currency, (n, code) => {
        const text = grouped(n) + (code === null ? "" : ` ${code}`);
        const p = parseCell(text, "number");
        expect(p).toMatchObject({ tag: "number", currency: code });
        if (p.tag === "number") expect(eq(p.value, decFromString(n.toString()))).toBe(true);
      })
    );
  });

  test("formatDec of any decimal reparses to an equal value", () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: 0, max: 20 }))
      .map(([c, s]): Dec => {
        const digits = (c < 0n ? -c : c).toString().padStart(s + 1, "0");
        const text = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
        const value = decFromString(text);
        return c < 0n ? neg(value) : value;
      });
    fc.assert(
      fc.property(decimal, fc.boolean(), (value, grouping) => {
        const p = parseCell(formatDec(value, { grouping }), "number");
        expect(p.tag).toBe("number");
        if (p.tag === "number") expect(eq(p.value, value)).toBe(true);
      })
    );
  });

  test("a JS number reads as the decimal it prints as", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const p = parseCell(n, "number");
        expect(p.tag).toBe("number");
        if (p.tag === "number") expect(toNumber(p.value)).toBe(n === 0 ? 0 : n);
      })
    );
  });

  test("a money list of formatted amounts reads every amount", () => {
    const item = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), currency);
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 4 }), (list) => {
        const text = list
          .map(([n, code]) => (code === null ? "" : currencySymbol(code)) + grouped(n))
          .join(" and ");
        const p = parseCell(text, "moneyList");
        expect(p.tag).toBe("moneyList");
        if (p.tag !== "moneyList") return;
        expect(p.items.map((i) => [i.value, i.currency])).toEqual(
          list.map(([n, code]) => [decFromString(n.toString()), code])
        );
      })
    );
  });
});
