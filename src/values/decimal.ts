/**
 * Exact decimal arithmetic for money, share counts, par values and prices.
 *
 * A value is a coefficient times 10^-s. The coefficient lives in a JS number while it is a safe
 * integer (the common case: every figure on a return fits) and in a bigint only beyond that, so the
 * hot path never allocates a bigint. Values are kept canonical (no trailing zeros in the
 * coefficient, one zero), so equal values have equal fields and `toEqual` compares them by value.
 */

/** An exact decimal: `c` x 10^-`s`, or `b` x 10^-`s` when `b` is not null (then `c` is NaN). */
export interface Dec {
  readonly c: number;
  readonly s: number;
  readonly b: bigint | null;
}

const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);
// 10^0 .. 10^22 are exact doubles; a larger shift leaves the safe range for any non-zero value
// (an index past the end reads undefined, the product NaN, and the bigint path takes over)
const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const POW10N: bigint[] = [];

function pow10n(k: number): bigint {
  let p = POW10N[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    if (k < 64) POW10N[k] = p;
  }
  return p;
}

// not frozen: a frozen object gets its own hidden class and makes every call site polymorphic
/** The decimal zero. */
export const ZERO: Dec = { c: 0, s: 0, b: null };

/** Builds a canonical decimal from a safe-integer coefficient and a scale of 0 or more. */
export function decFromScaled(c: number, s: number): Dec {
  if (c === 0) return ZERO; // also folds -0
  while (s > 0) {
    // with |c| < 2^53, c / 10 is an integer exactly when 10 divides c; % on doubles calls fmod
    const q = c / 10;
    if (Math.floor(q) !== q) break;
    c = q;
    s--;
  }
  return { c, s, b: null };
}

function fromBig(b: bigint, s: number): Dec {
  if (b === 0n) return ZERO;
  while (s > 0 && b % 10n === 0n) {
    b /= 10n;
    s--;
  }
  if (b <= MAX_BIG && b >= -MAX_BIG) return decFromScaled(Number(b), s);
  return { c: NaN, s, b };
}

function big(a: Dec): bigint {
  return a.b ?? BigInt(a.c);
}

function bigAligned(a: Dec, s: number): bigint {
  return a.s === s ? big(a) : big(a) * pow10n(s - a.s);
}

const PLAIN = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/** Reads a plain decimal such as "-1234.5678" or "1.5e+21"; throws a RangeError otherwise. */
export function decFromString(digits: string): Dec {
  const m = PLAIN.exec(digits);
  const int = m?.[2] ?? "";
  const frac = m?.[3] ?? "";
  if (m === null || int.length + frac.length === 0) {
    throw new RangeError(`not a plain decimal: "${digits}"`);
  }
  let coef = int + frac;
  let s = frac.length - (m[4] === undefined ? 0 : Number(m[4]));
  if (s < 0) {
    if (/^0*$/.test(coef)) return ZERO; // a huge exponent on zero must not build a huge string
    coef += "0".repeat(-s);
    s = 0;
  }
  const negative = m[1] === "-";
  if (coef.length <= 15) {
    const c = Number(coef); // up to 15 digits every integer string parses exactly
    return decFromScaled(negative ? -c : c, s);
  }
  const b = BigInt(coef);
  return fromBig(negative ? -b : b, s);
}

/** Converts a JS integer; non-integers throw a RangeError (use decFromNumber for those). */
export function decFromInt(n: number): Dec {
  if (Number.isSafeInteger(n)) return decFromScaled(n, 0);
  if (!Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
  return decFromString(String(n));
}

/** Converts a JS number (as Excel passes it) exactly by its shortest decimal form: 0.1 is 1/10. */
export function decFromNumber(n: number): Dec {
  if (Number.isSafeInteger(n)) return decFromScaled(n, 0);
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  // String() gives the shortest digits that read back as n, which is what the user typed
  return decFromString(String(n));
}

function combine(a: Dec, b: Dec, bSign: 1 | -1): Dec {
  if (a.b === null && b.b === null) {
    const as = a.s;
    const bs = b.s;
    if (as === bs) {
      const c = a.c + bSign * b.c;
      // both exact integers: the double sum is exact whenever the true sum is safe
      if (c <= MAX && c >= -MAX) return as === 0 ? decFromScaled(c, 0) : decFromScaled(c, as);
    } else if (as < bs) {
      const x = a.c * POW10[bs - as];
      const c = x + bSign * b.c;
      if (x <= MAX && x >= -MAX && c <= MAX && c >= -MAX) return decFromScaled(c, bs);
    } else {
      const y = b.c * POW10[as - bs];
      const c = a.c + bSign * y;
      if (y <= MAX && y >= -MAX && c <= MAX && c >= -MAX) return decFromScaled(c, as);
    }
  }
  const s = a.s > b.s ? a.s : b.s;
  const bb = bigAligned(b, s);
  return fromBig(bigAligned(a, s) + (bSign === 1 ? bb : -bb), s);
}

// Adding zero returns the other operand itself, as values are canonical and never change: a
// return's totals add many Nil parts, and each sum allocated a copy (measured, with the kinds'
// lists built only for a finding: 5-6% of a batch)

/** Returns a + b exactly. */
export function add(a: Dec, b: Dec): Dec {
  if (b.c === 0) return a;
  if (a.c === 0) return b;
  return combine(a, b, 1);
}

/** Returns a - b exactly. */
export function sub(a: Dec, b: Dec): Dec {
  if (b.c === 0) return a;
  return combine(a, b, -1);
}

/** Returns a x b exactly. */
export function mul(a: Dec, b: Dec): Dec {
  if (a.b === null && b.b === null) {
    const c = a.c * b.c;
    // the double product is exact whenever the true product is a safe integer
    if (c <= MAX && c >= -MAX) return decFromScaled(c, a.s + b.s);
  }
  return fromBig(big(a) * big(b), a.s + b.s);
}

/** Returns -a. */
export function neg(a: Dec): Dec {
  if (a.b !== null) return { c: NaN, s: a.s, b: -a.b };
  return a.c === 0 ? ZERO : { c: -a.c, s: a.s, b: null };
}

/** Returns |a|. */
export function abs(a: Dec): Dec {
  return sign(a) < 0 ? neg(a) : a;
}

/** Returns -1, 0 or 1 as a is negative, zero or positive. */
export function sign(a: Dec): -1 | 0 | 1 {
  if (a.b !== null) return a.b < 0n ? -1 : 1;
  return a.c < 0 ? -1 : a.c > 0 ? 1 : 0;
}

/** Compares two values: -1 when a < b, 0 when equal, 1 when a > b, whatever their scales. */
export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  if (a.b === null && b.b === null) {
    if (a.s === b.s) return a.c < b.c ? -1 : a.c > b.c ? 1 : 0;
    const sa = sign(a);
    const sb = sign(b);
    if (sa !== sb) return sa < sb ? -1 : 1;
    const x = a.s < b.s ? a.c * POW10[b.s - a.s] : a.c;
    const y = a.s < b.s ? b.c : b.c * POW10[a.s - b.s];
    if (x <= MAX && x >= -MAX && y <= MAX && y >= -MAX) return x < y ? -1 : x > y ? 1 : 0;
  }
  const s = a.s > b.s ? a.s : b.s;
  const x = bigAligned(a, s);
  const y = bigAligned(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when a and b are the same number (1.10 equals 1.1). */
export function eq(a: Dec, b: Dec): boolean {
  // canonical form makes equal values field-for-field equal
  return a.s === b.s && (a.b === null ? b.b === null && a.c === b.c : a.b === b.b);
}

/** True when a is zero. */
export function isZero(a: Dec): boolean {
  return a.c === 0;
}

/** True when a has no fractional part. */
export function isInteger(a: Dec): boolean {
  return a.s === 0;
}

function divRoundBig(num: bigint, den: bigint, s: number): Dec {
  let q = num / den; // truncates toward zero
  const r = num - q * den;
  const r2 = r < 0n ? -2n * r : 2n * r;
  if (r2 >= (den < 0n ? -den : den)) q += num < 0n !== den < 0n ? -1n : 1n;
  return fromBig(q, s);
}

function checkPlaces(places: number): void {
  if (!Number.isInteger(places) || places < 0 || places > 1000) {
    throw new RangeError(`decimal places must be a whole number from 0 to 1000: ${places}`);
  }
}

/** Rounds to `places` decimals, halves away from zero like Excel's ROUND (2.5 -> 3, -2.5 -> -3). */
export function roundHalfUp(a: Dec, places: number): Dec {
  checkPlaces(places);
  if (a.s <= places) return a;
  const drop = a.s - places;
  if (a.b === null && drop <= 15) {
    const p = POW10[drop];
    const r = a.c % p; // exact on integers, sign of the dividend
    let q = (a.c - r) / p; // an exact multiple of p: the quotient is exact
    if (2 * Math.abs(r) >= p) q += a.c < 0 ? -1 : 1;
    return decFromScaled(q, places);
  }
  return divRoundBig(big(a), pow10n(drop), places);
}

/** Returns a / b rounded half away from zero to `places` decimals; b must not be zero. */
export function divRound(a: Dec, b: Dec, places: number): Dec {
  checkPlaces(places);
  if (isZero(b)) throw new RangeError("division by zero");
  // a/b x 10^places = (ca / cb) x 10^k
  const k = b.s - a.s + places;
  if (a.b === null && b.b === null && k > -23 && k < 23) {
    const num = k >= 0 ? a.c * POW10[k] : a.c;
    const den = k >= 0 ? b.c : b.c * POW10[-k];
    if (num <= MAX && num >= -MAX && den <= MAX && den >= -MAX) {
      const r = num % den;
      let q = (num - r) / den;
      if (2 * Math.abs(r) >= Math.abs(den)) q += num < 0 !== den < 0 ? -1 : 1;
      return decFromScaled(q, places);
    }
  }
  const num = k >= 0 ? big(a) * pow10n(k) : big(a);
  const den = k >= 0 ? big(b) : big(b) * pow10n(-k);
  return divRoundBig(num, den, places);
}

/** Returns the nearest JS number, for display and sorting only (never for arithmetic). */
export function toNumber(a: Dec): number {
  // both operands exact: one correctly rounded division gives the nearest double
  if (a.b === null && a.s <= 22) return a.c / POW10[a.s];
  return Number(formatDec(a, { grouping: false }));
}

function group(int: string): string {
  if (int.length <= 3) return int;
  let out = int.slice(0, int.length % 3 || 3);
  for (let i = out.length; i < int.length; i += 3) out += "," + int.slice(i, i + 3);
  return out;
}

/** Options for formatDec: fixed decimals (rounded half up, zero-padded) and thousands commas. */
export interface FormatOptions {
  readonly places?: number;
  readonly grouping?: boolean;
}

/** Writes a value as the form prints it: "1,167,673,933", "10,292.00" with places 2, "0.0353". */
export function formatDec(a: Dec, opts?: FormatOptions): string {
  const places = opts?.places;
  const v = places === undefined ? a : roundHalfUp(a, places);
  const negative = sign(v) < 0;
  let digits = v.b === null ? String(Math.abs(v.c)) : (negative ? -v.b : v.b).toString();
  let s = v.s;
  if (places !== undefined && places > s) {
    digits += "0".repeat(places - s);
    s = places;
  }
  if (digits.length <= s) digits = "0".repeat(s - digits.length + 1) + digits;
  const int = s === 0 ? digits : digits.slice(0, digits.length - s);
  const frac = s === 0 ? "" : "." + digits.slice(digits.length - s);
  return (negative ? "-" : "") + (opts?.grouping === false ? int : group(int)) + frac;
}

/** Writes a value plainly ("-1234.5"), the form decFromString reads back. */
export function decToString(a: Dec): string {
  return formatDec(a, { grouping: false });
}
