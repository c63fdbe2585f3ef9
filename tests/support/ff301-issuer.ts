import { classKey } from "../../src/rules/class-names";
import { MONTH_NAMES, type YMD } from "../../src/values/dates";

// The standing facts of a generated FF301 issuer (form-spec-ff301.md): its classes, their block
// headers and par values, and how a return writes figures, amounts and dates.

/** Draws from a random source in [0, 1): whole numbers, chances, picks and share lots. */
export interface Dice {
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A whole number of `unit`s, between lo and hi of them. */
  lots(lo: number, hi: number, unit: bigint): bigint;
}

/** Dice over a random source such as randomSource(seed). */
export function diceOf(rand: () => number): Dice {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  return {
    int,
    chance: (p) => rand() < p,
    pick: (items) => items[int(0, items.length - 1)],
    lots: (lo, hi, unit) => BigInt(int(lo, hi)) * unit,
  };
}

const group = (n: bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** A share count as FF301 writes it: "1,234,000", a decrease "-1,000" (leading minus), zero as `zero`. */
export const shares = (n: bigint, zero: string): string =>
  n === 0n ? zero : n < 0n ? `-${group(-n)}` : group(n);

/** Cents as an amount: "80,000,000", "12,345.67"; `cents` forces two decimals ("3,750,000.00"). */
export function money(amount: bigint, cents = false): string {
  const a = amount < 0n ? -amount : amount;
  const frac = a % 100n;
  const text =
    frac === 0n && !cents ? group(a / 100n) : `${group(a / 100n)}.${String(frac).padStart(2, "0")}`;
  return amount < 0n ? `-${text}` : text;
}

/** A price or par value in its currency: units of 10^-places ("HKD 0.02" is 2n at 2 places). */
export interface Price {
  readonly currency: "HKD" | "USD" | "RMB";
  readonly units: bigint;
  readonly places: number;
}

/** "HKD 0.02", "RMB 1", "USD 0.00001". */
export function priceText(p: Price): string {
  const digits = p.units.toString().padStart(p.places + 1, "0");
  const whole = digits.slice(0, digits.length - p.places);
  return `${p.currency} ${p.places ? `${whole}.${digits.slice(-p.places)}` : whole}`;
}

/** count x price in cents; the generator keeps it exact (share counts in thousands). */
export function centsOf(count: bigint, p: Price): bigint {
  const scaled = count * p.units * 100n;
  const divisor = 10n ** BigInt(p.places);
  if (scaled % divisor !== 0n)
    throw new RangeError(`${count} x ${priceText(p)} is not whole cents`);
  return scaled / divisor;
}

/** A date in words, as FF301 writes header and event dates: "30 June 2026", "03 July 2026". */
export const inWords = (d: YMD, twoDigitDay = false): string =>
  `${twoDigitDay ? String(d.day).padStart(2, "0") : d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}`;

/** One class block's header and figures at the close of the preceding month. */
export interface ClassSpec {
  readonly id: string;
  readonly className: string;
  readonly type: string;
  readonly listed: boolean;
  readonly stockCode: string;
  readonly description: string;
  readonly par: Price;
  readonly excl: bigint;
  readonly treasury: bigint;
  /** Texts a line's class cell may hold that resolve to this class (src/rules/class-of-line.ts). */
  names: string[];
}

/** The kinds of issuer generated: one or more classes, and whether Section I is registered capital. */
export type IssuerKind = "plain" | "wvr" | "prc";

type Header = Omit<ClassSpec, "id" | "excl" | "treasury" | "names">;

const HKD = (units: bigint, places: number): Price => ({ currency: "HKD", units, places });
const USD = (units: bigint, places: number): Price => ({ currency: "USD", units, places });
const RMB_1: Price = { currency: "RMB", units: 1n, places: 0 };

/** The block headers of an issuer of `kind`: 1 to 3 classes, the first listed on the Exchange. */
function headersOf(d: Dice, kind: IssuerKind): Header[] {
  const code = String(d.int(1, 9999)).padStart(5, "0");
  const ordinary = "Ordinary shares";
  const preference = (par: Price): Header => ({
    className: "Preference shares",
    type: "Not applicable",
    listed: false,
    stockCode: "",
    description: "Convertible preference shares",
    par: d.chance(0.3) ? USD(1n, 2) : par,
  });
  if (kind === "prc") {
    const out: Header[] = [
      {
        className: ordinary,
        type: "H",
        listed: true,
        stockCode: code,
        description: "H shares",
        par: RMB_1,
      },
    ];
    for (const [type, description] of [
      ["A", "A shares"],
      ["Domestic", "Domestic shares"],
    ] as const) {
      if (d.chance(0.45))
        out.push({
          className: ordinary,
          type,
          listed: false,
          stockCode: "",
          description,
          par: RMB_1,
        });
    }
    return out;
  }
  if (kind === "wvr") {
    const par = USD(1n, 5);
    const out: Header[] = (["A", "B"] as const).map((type) => ({
      className: ordinary,
      type,
      listed: type === "A",
      stockCode: type === "A" ? code : "",
      description: `Class ${type} ordinary shares`,
      par,
    }));
    return d.chance(0.3) ? [...out, preference(par)] : out;
  }
  const par = d.pick([HKD(10n, 2), HKD(2n, 2), HKD(1n, 2), USD(1n, 4)]);
  const first: Header = {
    className: ordinary,
    type: "Not applicable",
    listed: true,
    stockCode: code,
    description: d.chance(0.5) ? ordinary : `Ordinary shares of ${priceText(par)} each`,
    par,
  };
  return d.chance(0.3) ? [first, preference(par)] : [first];
}

/**
 * The classes of a generated issuer with their opening balances; each class's `names` are the
 * texts of its block (description, stock code, type, class) that no earlier block also carries,
 * as a line's class cell resolves to the first block that names it.
 */
export function classesOf(d: Dice, kind: IssuerKind, treasury: boolean): ClassSpec[] {
  const owner = new Map<string, string>();
  return headersOf(d, kind).map((h, k) => {
    const id = `c${k + 1}`;
    const cells = [h.description, h.stockCode, h.type, h.className].filter((t) => t !== "");
    for (const text of cells) if (!owner.has(classKey(text))) owner.set(classKey(text), id);
    const names = cells.filter((t) => t !== "Not applicable" && owner.get(classKey(t)) === id);
    if (!names.includes(h.description)) throw new Error(`class ${id}: "${h.description}" is taken`);
    return {
      ...h,
      id,
      names,
      excl: k === 0 ? d.lots(100_000, 5_000_000, 1000n) : d.lots(10_000, 1_000_000, 1000n),
      // treasury shares are repurchased listed shares (Listing Rule 13.25A)
      treasury: treasury && h.listed && d.chance(0.6) ? d.lots(1, 50_000, 1000n) : 0n,
    };
  });
}
