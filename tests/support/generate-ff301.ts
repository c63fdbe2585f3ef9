import { formVersion, layoutOf, type Shape } from "../../src/form";
import type { MonthInput } from "../../src/rules/reconcile";
import { isZero } from "../../src/values/decimal";
import { parseCell } from "../../src/values/parse";
import { holidaySet } from "../../src/rules/hk-holidays";
import { addDays, businessDayAfter, daysInMonth, type YMD } from "../../src/values/dates";
import {
  centsOf,
  classesOf,
  diceOf,
  inWords,
  money,
  priceText,
  shares,
  type ClassSpec,
  type IssuerKind,
  type Price,
} from "./ff301-issuer";
import type { GeneratedReturn } from "./generate-return";
import {
  emptyTally,
  writeClasses,
  writeFloat,
  type Ff301Form,
  type Part,
  type Tally,
  type X1Reading,
} from "./ff301-blocks";

export type { Ff301Form, X1Reading } from "./ff301-blocks";

// A generator of consistent FF301 returns (form-spec-ff301.md), as generate-return.ts is for the
// 2011 form: every roll-forward, subtotal, total, product and date ties, so the engine must find
// nothing, warnings included. X1 is written under reading H or L, chosen per return.

/** What to fix instead of drawing it. */
export interface Ff301Options {
  readonly form?: Ff301Form;
  readonly reading?: X1Reading;
  readonly issuer?: IssuerKind;
  /** Repurchases cancelled in two or more classes: a "Repurchase of shares" line in each. */
  readonly repeatTyped?: boolean;
}

/** A generated FF301 return, with the reading its X1 figures follow (null in ff301-1.0). */
export interface GeneratedFf301 extends GeneratedReturn {
  readonly form: Ff301Form;
  readonly reading: X1Reading | null;
}

// the months each version was in use (form-spec-ff301.md, "Versions"), as year * 12 + month - 1,
// within the years hk-holidays.ts covers, so the submission deadline is always checked
const MONTHS: Readonly<Record<Ff301Form, readonly [number, number]>> = {
  "ff301-1.0": [2021 * 12, 2024 * 12 + 4],
  "ff301-treasury": [2024 * 12 + 5, 2025 * 12 + 11],
  "ff301-1.2": [2026 * 12, 2027 * 12 + 10],
};

/**
 * Generates a consistent FF301 return: version ff301-1.2 mostly, else ff301-treasury or
 * ff301-1.0; 1 to 3 classes; options, warrants, convertibles and share awards met by new or
 * treasury shares; repurchases cancelled or held in treasury, treasury shares sold or cancelled,
 * conversions between classes, Note 3 figures; Section I as authorised or registered capital.
 */
export function generateFf301Return(
  rand: () => number,
  options: Ff301Options = {}
): GeneratedFf301 {
  const d = diceOf(rand);
  const form: Ff301Form =
    options.form ?? (d.chance(0.6) ? "ff301-1.2" : d.chance(0.6) ? "ff301-treasury" : "ff301-1.0");
  const hasTreasury = form !== "ff301-1.0";
  const reading: X1Reading | null = hasTreasury ? (options.reading ?? d.pick(["H", "L"])) : null;
  const kind: IssuerKind =
    options.issuer ?? (options.repeatTyped ? "wvr" : d.pick(["plain", "plain", "wvr", "prc"]));
  // how the return writes zero: "0", "Nil", "-", or a blank cell (frequent, form-spec-ff301.md)
  const zero = d.pick(["0", "0", "Nil", "-", ""]);
  const fig = (n: bigint): string => shares(n, zero);
  // a line's balances are stated, zero too: a blank one is a cell to fill
  const balance = (n: bigint): string => shares(n, zero || "Nil");
  // (A2) to (D2), their subtotals and the movements of (B) and (C) count as decreases whatever
  // sign is printed: FF301 prints a leading minus, some returns leave it out
  const minus = d.chance(0.8) ? "-" : "";
  const less = (n: bigint): string => (n === 0n ? fig(0n) : `${minus}${fig(n)}`);
  const v: Record<string, string> = {};

  const [from, to] = MONTHS[form];
  const m = d.int(from, to);
  const [year, month] = [Math.floor(m / 12), (m % 12) + 1];
  const end: YMD = { year, month, day: daysInMonth(year, month) };
  const first = addDays(end, 1 - end.day);
  const inMonth = (): string => inWords(addDays(first, d.int(0, end.day - 1)), d.chance(0.5));
  const before = (): string => inWords(addDays(first, -d.int(20, 3000)), d.chance(0.5));
  v["hdr.monthEnded"] = inWords(end);
  v["hdr.status"] = "New Submission";
  v["hdr.issuer"] = `Example ${d.pick(["Harbour", "Lantern", "Tramway", "Peak"])} ${
    kind === "prc" ? "Energy Company" : "Holdings"
  } ${d.int(1, 999)} Limited`;
  v["hdr.submitted"] = inWords(businessDayAfter(end, d.int(1, 5), holidaySet()), true);
  v["hdr.registered"] = kind === "prc" ? "Yes" : "No";

  const classes = classesOf(d, kind, hasTreasury);
  const tallies = new Map(classes.map((c) => [c.id, emptyTally(c)]));
  const tally = (c: ClassSpec): Tally => tallies.get(c.id)!;
  // lines are mostly of the first (listed) class
  const lineClass = (): ClassSpec => (d.chance(0.7) ? classes[0] : d.pick(classes));
  // repurchases and treasury shares concern shares listed on the Exchange
  const listedClass = (): ClassSpec => d.pick(classes.filter((c) => c.listed));
  // a line names its class as its block does, in any case ("H SHARES"): class-names.ts keys it
  const classCell = (c: ClassSpec): string => {
    const name = d.pick(c.names);
    return d.chance(0.15) ? name.toUpperCase() : name;
  };
  /** Treasury shares to meet part of `wanted` with, where the version has them. */
  const fromTreasury = (c: ClassSpec, wanted: bigint): bigint => {
    const t = tally(c);
    if (!hasTreasury || t.left === 0n || wanted === 0n || !d.chance(0.5)) return 0n;
    const most = wanted < t.left ? wanted : t.left;
    const n = d.lots(0, Number(most / 1000n), 1000n);
    t.left -= n;
    return n;
  };
  /** A line of (A) to (D) meeting its shares by `fresh` new shares and `out` treasury shares. */
  const deliver = (c: ClassSpec, part: Part, fresh: bigint, out: bigint, line: string): void => {
    const t = tally(c);
    t.excl += fresh + out;
    t.treasury -= out;
    const x1 = reading === "L" ? fresh + out : fresh; // H: the total issued grows by the new shares
    t.x1[part] += x1;
    t.x2[part] += out;
    v[`${line}.issued`] = fig(x1);
    if (hasTreasury) v[`${line}.treasury`] = less(out);
  };
  /** An (E) line moving the issued shares excluding treasury and the treasury shares. */
  const eMove = (c: ClassSpec, key: string, excl: bigint, treasury: bigint): void => {
    const t = tally(c);
    t.excl += excl;
    t.treasury += treasury;
    const x1 = reading === "L" ? excl : excl + treasury;
    t.x1.E += x1;
    t.x2.E += treasury;
    v[`E.${key}.class`] = classCell(c);
    v[`E.${key}.date`] = inMonth();
    v[`E.${key}.issued`] = fig(x1);
    if (hasTreasury) v[`E.${key}.treasury`] = fig(treasury);
  };
  const ePrice = (key: string): void => {
    v[`E.${key}.price`] = priceText({ currency: "HKD", units: BigInt(d.int(10, 5000)), places: 2 });
    v[`E.${key}.egmDate`] = before();
  };

  // (E) repurchases held in treasury come first: their shares can meet this month's exercises
  if (hasTreasury && d.chance(0.35)) {
    const c = listedClass();
    const n = d.lots(1, 5000, 1000n);
    tally(c).left += n;
    eMove(c, "repurchaseTreasury", -n, n);
    ePrice("repurchaseTreasury");
  }

  // (A) share options: outstanding rolled forward, exercises met by new and treasury shares
  const optionLines = d.int(0, 3);
  const funds = new Map<string, bigint>(); // currency -> cents raised
  for (let i = 1; i <= optionLines; i++) {
    const c = lineClass();
    const line = `A.${i}`;
    const preceding = d.lots(1, 50_000, 1000n);
    const granted = d.chance(0.3) ? d.lots(1, 5000, 1000n) : 0n;
    const cap = (n: bigint, room: bigint): bigint => (n < room ? n : room);
    const exercised = d.chance(0.6) ? cap(d.lots(1, 5000, 1000n), preceding) : 0n;
    const cancelled = d.chance(0.15)
      ? cap(d.lots(1, 500, 1000n), preceding + granted - exercised)
      : 0n;
    const lapsed = d.chance(0.3)
      ? cap(d.lots(1, 1000, 1000n), preceding + granted - exercised - cancelled)
      : 0n;
    const close = preceding + granted - exercised - cancelled - lapsed;
    const price: Price = d.chance(0.8)
      ? { currency: "HKD", units: BigInt(d.int(10, 2000)), places: 2 }
      : { currency: d.chance(0.5) ? "HKD" : "USD", units: BigInt(d.int(100, 20_000)), places: 3 };
    const approved = before();
    v[`${line}.particulars`] = `Share Option Scheme adopted on ${approved}`;
    v[`${line}.class`] = classCell(c);
    v[`${line}.price`] = priceText(price);
    v[`${line}.egmDate`] = approved;
    v[`${line}.preceding`] = balance(preceding);
    v[`${line}.granted`] = fig(granted);
    // "Movement during the month": decreases printed with a leading minus
    v[`${line}.exercised`] = fig(-exercised);
    v[`${line}.cancelled`] = fig(-cancelled);
    v[`${line}.lapsed`] = fig(-lapsed);
    v[`${line}.close`] = balance(close);
    v[`${line}.mayIssue`] = balance(close);
    const out = fromTreasury(c, exercised);
    deliver(c, "A", exercised - out, out, line);
    funds.set(price.currency, (funds.get(price.currency) ?? 0n) + centsOf(exercised, price));
  }
  [...funds].forEach(([currency, cents], k) => {
    v[`A.funds.${k + 1}.currency`] = currency;
    v[`A.funds.${k + 1}.amount`] = money(cents, true);
  });

  // (B) warrants and (C) convertibles: amounts are shares x price, so every quotient is exact
  const instrument = (part: "B" | "C", i: number): void => {
    const c = lineClass();
    const line = `${part}.${i}`;
    const price: Price = {
      currency: d.chance(0.85) ? "HKD" : "USD",
      units: BigInt(d.int(10, 2000)),
      places: 2,
    };
    const opening = part === "C" && d.chance(0.2) ? 0n : d.lots(10, 50_000, 1000n);
    const issued =
      part === "C" && (opening === 0n || d.chance(0.15)) ? d.lots(10, 50_000, 1000n) : 0n;
    const room = opening + issued - 10_000n; // at least 10,000 shares stay to be issued
    const moved = d.chance(0.5) ? d.lots(0, Number(room / 1000n), 1000n) : 0n;
    const redeemed =
      part === "C" && d.chance(0.15) ? d.lots(0, Number((room - moved) / 1000n), 1000n) : 0n;
    const left = opening + issued - moved - redeemed;
    const amount = (n: bigint): string => money(centsOf(n, price));
    v[`${line}.currency`] = price.currency;
    v[`${line}.preceding`] = amount(opening);
    v[`${line}.close`] = amount(left);
    v[`${line}.class`] = classCell(c);
    v[`${line}.price`] = priceText(price);
    v[`${line}.mayIssue`] = balance(left);
    if (part === "B") {
      const expiry = addDays(end, d.int(30, 1500));
      v[`${line}.description`] = `Warrants (Date of expiry: ${inWords(expiry)})`;
      v[`${line}.expiry`] = inWords(expiry);
      v[`${line}.exercised`] = moved === 0n ? fig(0n) : `${minus}${amount(moved)}`;
      v[`${line}.egmDate`] = before();
    } else {
      v[`${line}.description`] =
        `${price.currency} convertible bonds due ${end.year + d.int(1, 5)}`;
      v[`${line}.type`] = "Bond/Notes";
      v[`${line}.newIssue`] = issued === 0n ? fig(0n) : amount(issued);
      v[`${line}.converted`] = moved === 0n ? fig(0n) : `${minus}${amount(moved)}`;
      v[`${line}.redeemed`] = redeemed === 0n ? fig(0n) : `${minus}${amount(redeemed)}`;
      v[`${line}.egmDate`] = d.chance(0.5) ? "Not applicable" : before();
    }
    const out = fromTreasury(c, moved);
    deliver(c, part, moved - out, out, line);
  };
  const warrants = d.chance(0.15) ? 1 : 0;
  const convertibles = d.pick([0, 0, 0, 1, 1, 2]);
  for (let i = 1; i <= warrants; i++) instrument("B", i);
  for (let i = 1; i <= convertibles; i++) instrument("C", i);

  // (D) a share award scheme, met by new or treasury shares
  const arrangements = d.chance(0.2) ? 1 : 0;
  for (let i = 1; i <= arrangements; i++) {
    const c = lineClass();
    const awarded = d.lots(0, 2000, 1000n);
    const out = fromTreasury(c, awarded);
    v[`D.${i}.particulars`] = "Share Award Scheme";
    v[`D.${i}.egmDate`] = before();
    v[`D.${i}.class`] = classCell(c);
    v[`D.${i}.mayIssue`] = balance(d.lots(0, 50_000, 1000n));
    deliver(c, "D", awarded - out, out, `D.${i}`);
  }

  // (E) the other movements; FF301 prints (E) per class, so a type that moves two classes takes a
  // line in each (shape.eLines): "placing" and "placing2", "repurchase" and "repurchase2"
  const eLines: Record<string, number> = {};
  const typedLine = (key: string, n: number): string => (n === 1 ? key : `${key}${n}`);
  for (const key of ["placing", "consideration", "scrip"] as const) {
    if (!d.chance(0.12)) continue;
    const first = lineClass();
    const also = classes.length > 1 && d.chance(0.3) ? classes.filter((c) => c !== first) : [];
    [first, ...also.slice(0, 1)].forEach((c, k) => {
      eMove(c, typedLine(key, k + 1), d.lots(1, 100_000, 1000n), 0n);
      ePrice(typedLine(key, k + 1));
    });
    if (also.length) eLines[key] = 2;
  }
  const several = classes.length > 1 && (options.repeatTyped === true || d.chance(0.15));
  if (several || d.chance(0.3)) {
    // cancelled in the month: in one listed class, or in two or more classes, a line each
    const repurchased = several ? classes.slice(0, d.int(2, classes.length)) : [listedClass()];
    repurchased.forEach((c, k) => {
      const most = Math.max(1, Number(c.excl / 100_000n));
      eMove(c, typedLine("repurchase", k + 1), -d.lots(1, most, 1000n), 0n);
      ePrice(typedLine("repurchase", k + 1));
    });
    if (repurchased.length > 1) eLines.repurchase = repurchased.length;
  }
  // a repeated line the month leaves blank, as a rolled-forward sheet keeps it
  if (d.chance(0.1)) eLines.redemption = 2;
  if (hasTreasury) {
    for (const key of ["treasuryTransfer", "cancelTreasury"] as const) {
      const c = listedClass();
      const t = tally(c);
      if (t.left === 0n || !d.chance(0.3)) continue;
      const n = d.lots(1, Number(t.left / 1000n), 1000n);
      t.left -= n;
      // a sale or transfer moves shares out of treasury into issue; a cancellation ends them
      eMove(c, key, key === "treasuryTransfer" ? n : 0n, -n);
      if (key === "treasuryTransfer") ePrice(key);
    }
    if (d.chance(0.15)) {
      // repurchased in a preceding month, pending cancellation then (Note 3), cancelled now
      eMove(listedClass(), "cancelRepurchased", -d.lots(1, 2000, 1000n), 0n);
    }
  }
  let otherMovements = 0;
  if (classes.length > 1 && d.chance(0.4)) {
    // a conversion into the first class, one for one: two "Other" lines that net to zero (T8)
    const source = d.pick(classes.slice(1));
    const n = d.lots(1, Number(source.excl / 10_000n), 1000n);
    for (const [k, c, change] of [
      [1, source, -n],
      [2, classes[0], n],
    ] as const) {
      v[`E.other${k}.specify`] =
        `Conversion of ${source.description} into ${classes[0].description}`;
      v[`E.other${k}.conversion`] = "1";
      eMove(c, `other${k}`, change, 0n);
    }
    otherMovements = 2;
  }

  writeClasses(d, v, classes, tally, form, reading, { fig, less });
  v["IV.info"] = "Not applicable";
  v["V.confirmations"] = "Confirmed, items (i) to (viii) insofar as applicable";
  v["sig.submittedBy"] = "Chan Tai Man";
  v["sig.title"] = d.pick(["Company Secretary", "Director"]);
  // Note 3: shares repurchased but not yet cancelled, stated as a negative number
  if (hasTreasury) {
    for (const c of classes)
      v[`issued.${c.id}.pending`] =
        c.listed && d.chance(0.2) ? fig(-d.lots(1, 2000, 1000n)) : fig(0n);
  }
  if (form === "ff301-1.2") writeFloat(d, v, classes);

  const shape: Shape = {
    classes: classes.length,
    options: optionLines,
    fundsLines: funds.size,
    warrants,
    convertibles,
    arrangements,
    otherMovements,
    ...(Object.keys(eLines).length ? { eLines } : {}),
  };
  // a blank cell is a field left out of the values
  const values = Object.fromEntries(Object.entries(v).filter(([, text]) => text !== ""));
  return { form, reading, shape, values };
}

/** A generated return as the engine takes it: its layout and values. */
export const monthOfGenerated = (g: GeneratedFf301): MonthInput => ({
  layout: layoutOf(formVersion(g.form)!, g.shape),
  values: g.values,
});

/** Whether a figure as written is a number other than zero ("-2,000,000", not "0", "Nil", "-"). */
export const nonZero = (text: string | undefined): boolean => {
  const p = parseCell(text ?? "", "number");
  return p.tag === "number" && !isZero(p.value);
};
