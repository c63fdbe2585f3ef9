import fc from "fast-check";
import {
  abs,
  add,
  cmp,
  decFromInt,
  decFromNumber,
  decFromString,
  decToString,
  divRound,
  eq,
  formatDec,
  isInteger,
  isZero,
  mul,
  neg,
  roundHalfUp,
  sign,
  sub,
  toNumber,
  ZERO,
  type Dec,
} from "../../src/values/decimal";

const d = decFromString;
const str = decToString;

describe("exact arithmetic", () => {
  test("adds 0.1 and 0.2 to exactly 0.3", () => {
    expect(eq(add(d("0.1"), d("0.2")), d("0.3"))).toBe(true);
    expect(str(add(decFromNumber(0.1), decFromNumber(0.2)))).toBe("0.3");
  });

  test.each([
    ["10000", "0.0353", "353"],
    ["5000", "0.2118", "1059"],
    ["37000", "0.24", "8880"],
    ["2400000000", "0.0005", "1200000"],
    ["-600000", "1.5", "-900000"],
    ["0", "123.456", "0"],
  ])("multiplies %s x %s to exactly %s", (a, b, product) => {
    expect(str(mul(d(a), d(b)))).toBe(product);
  });

  test("rolls the seed forward: 1,167,621,933 + 52,000 = 1,167,673,933", () => {
    expect(str(add(d("1167621933"), d("52000")))).toBe("1167673933");
    expect(str(sub(d("1167673933"), d("1167621933")))).toBe("52000");
  });

  test("sums the seed's option funds to 10,292.00", () => {
    const lines = [
      ["10000", "0.0353"],
      ["5000", "0.2118"],
      ["37000", "0.24"],
      ["0", "0.0005"],
    ] as const;
    const total = lines.reduce<Dec>((acc, [n, p]) => add(acc, mul(d(n), d(p))), ZERO);
    expect(formatDec(total, { places: 2 })).toBe("10,292.00");
  });

  test("goes past 2^53 through bigint: 9,007,199,254,740,993 + 1", () => {
    const big = d("9007199254740993");
    expect(big.b).toBe(9007199254740993n);
    expect(str(add(big, d("1")))).toBe("9007199254740994");
    expect(str(add(d("9007199254740991"), d("2")))).toBe("9007199254740993");
    expect(str(sub(d("-9007199254740991"), d("5")))).toBe("-9007199254740996");
  });

  test("multiplies past the safe range exactly", () => {
    expect(str(mul(d("4000000000"), d("4000000000")))).toBe("16000000000000000000");
    expect(str(mul(d("123456789.123"), d("987654321.987")))).toBe("121932631355968601.347401");
    expect(str(mul(d("-99999999999"), d("99999999999")))).toBe("-9999999999800000000001");
  });

  test("returns to the number path when a big result becomes small", () => {
    const result = sub(d("9007199254740993"), d("9007199254740990"));
    expect(result).toEqual(d("3"));
    expect(result.b).toBeNull();
  });

  test("aligns a scale shift that would overflow", () => {
    expect(str(add(d("9000000000000000"), d("0.001")))).toBe("9000000000000000.001");
  });
});

describe("canonical form", () => {
  test.each([
    ["1.10", "1.1"],
    ["1200000.00", "1200000"],
    ["-0", "0"],
    ["0.000", "0"],
    ["007", "7"],
    ["1.5e+21", "1500000000000000000000"],
    ["1e-7", "0.0000001"],
  ])("reads %s as the same value as %s", (a, b) => {
    expect(d(a)).toEqual(d(b));
    expect(eq(d(a), d(b))).toBe(true);
  });

  test.each(["", "-", ".", "1,000", "1.2.3", "abc", " 1", "1e"])(
    "rejects %p as not a plain decimal",
    (text) => {
      expect(() => d(text)).toThrow(RangeError);
    }
  );
});

describe("conversions from JS numbers", () => {
  test.each([
    [0.1, "0.1"],
    [1e-7, "0.0000001"],
    [1.5e21, "1500000000000000000000"],
    [-0, "0"],
    [0.0353, "0.0353"],
    [1167621933, "1167621933"],
    [123456.789, "123456.789"],
  ])("reads the number %p exactly as %s", (n, text) => {
    expect(str(decFromNumber(n))).toBe(text);
  });

  test.each([NaN, Infinity, -Infinity])("refuses %p", (n) => {
    expect(() => decFromNumber(n)).toThrow(RangeError);
  });

  test("decFromInt accepts integers only", () => {
    expect(str(decFromInt(-42))).toBe("-42");
    expect(str(decFromInt(2 ** 60))).toBe("1152921504606847000");
    expect(() => decFromInt(1.5)).toThrow(RangeError);
  });

  test("toNumber gives the nearest double", () => {
    expect(toNumber(d("0.0353"))).toBe(0.0353);
    expect(toNumber(d("-1167673933"))).toBe(-1167673933);
    expect(toNumber(d("9007199254740993"))).toBe(9007199254740992);
  });
});

describe("rounding and division", () => {
  test.each([
    ["2.5", 0, "3"],
    ["-2.5", 0, "-3"],
    ["2.4999", 0, "2"],
    ["1.005", 2, "1.01"],
    ["-1.005", 2, "-1.01"],
    ["0.0353", 2, "0.04"],
    ["10292", 2, "10292"],
    ["123456789012345678.95", 1, "123456789012345679"],
    ["0.00000000000000000005", 19, "0.0000000000000000001"],
  ])("rounds %s to %i places as %s", (a, places, rounded) => {
    expect(str(roundHalfUp(d(a), places))).toBe(rounded);
  });

  test.each([
    ["10000000", "0.72", 0, "13888889"],
    ["110000000", "0.72", 1, "152777777.8"],
    ["1500000", "1.50", 0, "1000000"],
    ["1", "3", 4, "0.3333"],
    ["2", "3", 4, "0.6667"],
    ["-2", "3", 4, "-0.6667"],
    ["1", "-8", 2, "-0.13"],
    ["12345678901234567890", "0.0001", 0, "123456789012345678900000"],
    ["1", "8", 0, "0"],
  ])("divides %s / %s to %i places as %s", (a, b, places, q) => {
    expect(str(divRound(d(a), d(b), places))).toBe(q);
  });

  test("refuses division by zero and bad places", () => {
    expect(() => divRound(d("1"), ZERO, 2)).toThrow(RangeError);
    expect(() => roundHalfUp(d("1"), -1)).toThrow(RangeError);
    expect(() => roundHalfUp(d("1"), 1.5)).toThrow(RangeError);
  });
});

describe("comparison and predicates", () => {
  test.each([
    ["1", "2", -1],
    ["2", "1", 1],
    ["1.10", "1.1", 0],
    ["-1", "0.5", -1],
    ["0.0353", "0.04", -1],
    ["9007199254740993", "9007199254740992", 1],
    ["-9007199254740993", "1", -1],
    ["100000000000000000000", "0.1", 1],
  ])("cmp(%s, %s) is %i", (a, b, expected) => {
    expect(cmp(d(a), d(b))).toBe(expected);
    expect(cmp(d(b), d(a))).toBe(expected === 0 ? 0 : -expected);
  });

  test("sign, abs, neg, isZero and isInteger behave", () => {
    expect(sign(d("-0.5"))).toBe(-1);
    expect(sign(ZERO)).toBe(0);
    expect(sign(d("12345678901234567890"))).toBe(1);
    expect(str(abs(d("-600000")))).toBe("600000");
    expect(str(neg(d("12345678901234567890")))).toBe("-12345678901234567890");
    expect(neg(ZERO)).toEqual(ZERO);
    expect(isZero(d("0.00"))).toBe(true);
    expect(isZero(d("0.01"))).toBe(false);
    expect(isInteger(d("1000.000"))).toBe(true);
    expect(isInteger(d("1000.5"))).toBe(false);
  });
});

describe("formatting", () => {
  test.each<[string, Parameters<typeof formatDec>[1], string]>([
    ["1167673933", undefined, "1,167,673,933"],
    ["10292", { places: 2 }, "10,292.00"],
    ["-600000", undefined, "-600,000"],
    ["0.0353", undefined, "0.0353"],
    ["1200000.5", undefined, "1,200,000.5"],
    ["999", undefined, "999"],
    ["1000", { grouping: false }, "1000"],
    ["-0.004", { places: 2 }, "0.00"],
    ["0.005", { places: 2 }, "0.01"],
    ["12345678901234567890.5", undefined, "12,345,678,901,234,567,890.5"],
    ["0.00000000000000000001", undefined, "0.00000000000000000001"],
  ])("writes %s with %p as %s", (value, opts, text) => {
    expect(formatDec(d(value), opts)).toBe(text);
  });
});

describe("agrees with bigint arithmetic (property)", () => {
  // a value is an integer coefficient and a scale; the reference works in bigint at a common scale
  const scaled = fc.record({
    c: fc.oneof(
      fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })
    ),
    s: fc.integer({ min: 0, max: 12 }),
  });
  const toDec = ({ c, s }: { c: bigint; s: number }): Dec => {
    const neg = c < 0n;
    const digits = (neg ? -c : c).toString().padStart(s + 1, "0");
    const text = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
    return d((neg ? "-" : "") + text);
  };
  const at = (v: { c: bigint; s: number }, s: number): bigint => v.c * 10n ** BigInt(s - v.s);
  const ref = (c: bigint, s: number) => toDec({ c, s });

  test("add and sub match bigint", () => {
    fc.assert(
      fc.property(scaled, scaled, (a, b) => {
        const s = Math.max(a.s, b.s);
        expect(add(toDec(a), toDec(b))).toEqual(ref(at(a, s) + at(b, s), s));
        expect(sub(toDec(a), toDec(b))).toEqual(ref(at(a, s) - at(b, s), s));
      })
    );
  });

  test("mul matches bigint", () => {
    fc.assert(
      fc.property(scaled, scaled, (a, b) => {
        expect(mul(toDec(a), toDec(b))).toEqual(ref(a.c * b.c, a.s + b.s));
      })
    );
  });

  test("cmp matches bigint and formatting round-trips", () => {
    fc.assert(
      fc.property(scaled, scaled, (a, b) => {
        const s = Math.max(a.s, b.s);
        const x = at(a, s);
        const y = at(b, s);
        expect(cmp(toDec(a), toDec(b))).toBe(x < y ? -1 : x > y ? 1 : 0);
        expect(d(str(toDec(a)))).toEqual(toDec(a));
      })
    );
  });
});
