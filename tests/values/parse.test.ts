import { decFromString, decToString } from "../../src/values/decimal";
import {
  formatParsed,
  isEmptyish,
  isZeroish,
  numberOf,
  parseCell,
  parseCurrencyHeading,
  type Parsed,
} from "../../src/values/parse";

function expectNumber(p: Parsed): Extract<Parsed, { tag: "number" }> {
  if (p.tag !== "number") throw new Error(`expected a number, got ${JSON.stringify(p)}`);
  return p;
}

describe("figures as people type them", () => {
  test.each<[string, string, string | null, boolean]>([
    ["1,167,621,933", "1167621933", null, false],
    ["52,000", "52000", null, false],
    ["0", "0", null, false],
    ["0.00", "0", null, false],
    ["1234.5678", "1234.5678", null, false],
    ["0.0005", "0.0005", null, false],
    ["1,200,000.00", "1200000", null, false],
    [".5", "0.5", null, false],
    ["(1,000)", "-1000", null, false],
    ["( 1,000 )", "-1000", null, false],
    ["-1,000", "-1000", null, false],
    ["\u22121,000", "-1000", null, false],
    ["\u20131,000", "-1000", null, false],
    ["+1,000", "1000", null, false],
    ["  52,000  ", "52000", null, false],
    ["1 234 567", "1234567", null, false],
    ["1\u00a0234\u00a0567", "1234567", null, false],
    ["US$0.0353", "0.0353", "USD", false],
    ["US$ 0.24", "0.24", "USD", false],
    ["US $0.24", "0.24", "USD", false],
    ["USD$ 10,292.00", "10292", "USD", false],
    ["USD 1,250.50", "1250.5", "USD", false],
    ["usd 5", "5", "USD", false],
    ["U$$0.2118", "0.2118", "USD", false],
    ["U\\$\\$0.2118", "0.2118", "USD", false],
    ["HK$3.60", "3.6", "HKD", false],
    ["HKD 80,000,000", "80000000", "HKD", false],
    ["HKD$1", "1", "HKD", false],
    ["HKI $0.00", "0", "HKD", false],
    ["HKS 1.50", "1.5", "HKD", false],
    ["3.60 HKD", "3.6", "HKD", false],
    ["3.60HKD", "3.6", "HKD", false],
    ["RMB 1", "1", "CNY", false],
    ["RMB1.00", "1", "CNY", false],
    ["CAD 2.5", "2.5", "CAD", false],
    ["C$2.5", "2.5", "CAD", false],
    ["€12", "12", "EUR", false],
    ["£0.10", "0.1", "GBP", false],
    ["S$3", "3", "SGD", false],
    ["JPY 100", "100", "JPY", false],
    ["A$0.2", "0.2", "AUD", false],
    ["-HK$500", "-500", "HKD", false],
    ["HK$-500", "-500", "HKD", false],
    ["HK$(500)", "-500", "HKD", false],
    ["(HK$500)", "-500", "HKD", false],
    ["(500 HKD)", "-500", "HKD", false],
    ["2,000,000*", "2000000", null, true],
    ["*2,000,000", "2000000", null, true],
    ["* 2,000,000", "2000000", null, true],
    ["US$0.0353*", "0.0353", "USD", true],
    ["(600,000)*", "-600000", null, true],
    ["0.123456789012345678901234", "0.123456789012345678901234", null, false],
    ["12,345,678,901,234,567,890", "12345678901234567890", null, false],
  ])("reads %p as %s %s (marked %p)", (text, value, currency, marked) => {
    const p = expectNumber(parseCell(text, "number"));
    expect(decToString(p.value)).toBe(value);
    expect(p.currency).toBe(currency);
    expect(p.marked).toBe(marked);
    expect(p.text).toBe(text);
  });

  test.each(["Nil", "NIL", "nil", "-", "--", "\u2014", "- -", "(Nil)", " nil "])(
    "reads %p as nil",
    (text) => {
      expect(parseCell(text, "number")).toEqual({ tag: "nil", marked: false, text });
    }
  );

  test.each(["Nil*", "*Nil", "-*"])("reads %p as a marked nil", (text) => {
    expect(parseCell(text, "number")).toEqual({ tag: "nil", marked: true, text });
  });

  test.each(["N/A", "n/a", "NA", "N.A.", "Not applicable", "(Not Applicable)", "(N/A)"])(
    "reads %p as N/A",
    (text) => {
      expect(parseCell(text, "number")).toEqual({ tag: "na", text });
    }
  );

  test.each<unknown>(["", "   ", "\t\n", null, undefined])("reads %p as blank", (input) => {
    expect(parseCell(input, "number")).toEqual({ tag: "blank" });
  });

  test.each<[string, string]>([
    ["TBC", "write a number such as 1,234 or (1,234), or Nil, N/A or -"],
    ["see remarks", "write a number such as 1,234"],
    ["about 1,000", "write a number such as 1,234"],
    ["1.000.000", "use commas for thousands and a point for decimals"],
    ["12abc", "write a number such as 1,234"],
    ["1,23,4", "thousands separators go every three digits"],
    ["1,0000", "thousands separators go every three digits"],
    ["12,34", "thousands separators go every three digits"],
    ["1 234,567", "thousands separators go every three digits"],
    ["(-1,000)", "negative twice"],
    ["-(1,000)", "negative twice"],
    ["(1,000", "write a number"],
    ["1,000)", "write a number"],
    ["$500", '"$" is not a currency the form uses'],
    ["HK$ 1 US$", "two currencies"],
    ["1.", "write a number"],
    ["*", "a marker with no figure"],
    ["#N/A", "is an Excel error"],
    ["#DIV/0!", "is an Excel error"],
    ["1,000 2,000", "thousands separators go every three digits"],
    ["100%", "write a number"],
    ["1e5", "write a number"],
  ])("reports %p as a problem that quotes it (%s)", (text, fragment) => {
    const p = parseCell(text, "number");
    expect(p.tag).toBe("problem");
    if (p.tag !== "problem") return;
    expect(p.text).toBe(text);
    expect(p.message).toContain(`"${text}"`);
    expect(p.message).toContain(fragment);
  });

  test("the general message names what would read", () => {
    expect(parseCell("TBC", "number")).toEqual({
      tag: "problem",
      text: "TBC",
      message: '"TBC" is not a figure: write a number such as 1,234 or (1,234), or Nil, N/A or -',
    });
  });
});

describe("values other than strings", () => {
  test.each<[number, string]>([
    [1167621933, "1167621933"],
    [0.0353, "0.0353"],
    [0.1, "0.1"],
    [1e-7, "0.0000001"],
    [1.5e21, "1500000000000000000000"],
    [-600000, "-600000"],
  ])("reads the JS number %p exactly as %s", (n, value) => {
    const p = expectNumber(parseCell(n, "number"));
    expect(decToString(p.value)).toBe(value);
    expect(p.text).toBe(String(n));
  });

  test.each([NaN, Infinity])("reports the number %p as a problem", (n) => {
    expect(parseCell(n, "number").tag).toBe("problem");
  });

  test.each<[boolean, string]>([
    [true, "TRUE is not a figure"],
    [false, "FALSE is not a figure"],
  ])("reports the boolean %p as a problem", (b, message) => {
    const p = parseCell(b, "number");
    expect(p).toMatchObject({ tag: "problem", text: String(b).toUpperCase() });
    if (p.tag === "problem") expect(p.message).toContain(message);
  });

  test("reads Excel's rich values through basicValue", () => {
    expect(numberOf(parseCell({ type: "String", basicValue: "1,234" }, "number"))).toEqual(
      decFromString("1234")
    );
    expect(parseCell({ type: "Error", basicValue: "#REF!" }, "number").tag).toBe("problem");
  });

  test.each<unknown>([[[1, 2]], { a: 1 }, Symbol("x"), () => 1])(
    "reports %p as a problem",
    (input) => {
      expect(parseCell(input, "number").tag).toBe("problem");
    }
  );

  test("reads a bigint exactly", () => {
    expect(decToString(expectNumber(parseCell(12345678901234567890n, "number")).value)).toBe(
      "12345678901234567890"
    );
  });

  test("survives objects whose conversion throws", () => {
    const hostile = {
      get basicValue(): never {
        throw new Error("boom");
      },
      toJSON(): never {
        throw new Error("boom");
      },
    };
    expect(parseCell(hostile, "number").tag).toBe("problem");
  });
});

describe("helpers", () => {
  test.each<[unknown, boolean, boolean]>([
    ["Nil", true, true],
    ["0", true, true],
    ["0.00", true, true],
    ["HK$0.00", true, true],
    ["-", true, true],
    ["N/A", false, true],
    ["", false, true],
    ["1", false, false],
    ["TBC", false, false],
  ])("%p is zeroish %p and emptyish %p", (input, zeroish, emptyish) => {
    const p = parseCell(input, "number");
    expect(isZeroish(p)).toBe(zeroish);
    expect(isEmptyish(p)).toBe(emptyish);
  });

  test("numberOf gives the figure, zero for Nil, null otherwise", () => {
    expect(numberOf(parseCell("1,000", "number"))).toEqual(decFromString("1000"));
    expect(numberOf(parseCell("Nil", "number"))).toEqual(decFromString("0"));
    expect(numberOf(parseCell("N/A", "number"))).toBeNull();
    expect(numberOf(parseCell("", "number"))).toBeNull();
    expect(numberOf(parseCell("TBC", "number"))).toBeNull();
  });

  test.each<[unknown, string, string]>([
    ["US$0.0353", "number", "US$0.0353"],
    ["(600,000)", "number", "-600,000"],
    ["-HK$500", "number", "-HK$500"],
    ["2,000,000*", "number", "2,000,000*"],
    ["Nil*", "number", "Nil*"],
    ["n/a", "number", "N/A"],
    ["", "number", "(blank)"],
    ["5/12/2011", "date", "05/12/2011"],
    ["HK$80,000,000 and US$1,000,000", "moneyList", "HK$80,000,000 and US$1,000,000"],
    ["TBC", "number", '"TBC"'],
  ])("formats %p (%s) as %s", (input, expect_, text) => {
    expect(formatParsed(parseCell(input, expect_ as "number"))).toBe(text);
  });

  test.each<[unknown, string | null]>([
    ["Par value (US$)", "USD"],
    ["Authorised share capital (US$)", "USD"],
    ["(HK$)", "HKD"],
    ["(HKS)", "HKD"],
    ["US$", "USD"],
    ["Par value (RMB)", "CNY"],
    ["Par value (State currency)", null],
    ["State currency", null],
    ["Currency: HKD", "HKD"],
    ["", null],
    [42, null],
  ])("reads the heading %p as %p", (heading, code) => {
    expect(parseCurrencyHeading(heading)).toBe(code);
  });
});
