import type { Shape } from "../../src/form";
import {
  addDays,
  businessDayAfter,
  daysInMonth,
  formatDate,
  type YMD,
} from "../../src/values/dates";
import { holidaySet } from "../../src/rules/hk-holidays";

/** A small seeded random source (mulberry32), so a generated return is repeatable from its seed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const group = (n: bigint | number): string => {
  const s = (n < 0 ? -BigInt(n) : BigInt(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `(${s})` : s;
};

/** Cents as money text "1,234.56". */
const money = (cents: bigint): string =>
  `${group(cents / 100n)}.${String(cents % 100n).padStart(2, "0")}`;

/** A generated return: the form, the shape and the values as a secretary would type them. */
export interface GeneratedReturn {
  readonly form: string;
  readonly shape: Shape;
  readonly values: Record<string, string>;
}

/**
 * Generates a consistent 2011-form return from random balances and movements: options exercised
 * at prices in HK$ cents, warrants and convertibles converted at whole-cent prices, a placing and
 * a repurchase; every total, product and date ties, so the engine must find no error.
 */
export function generateReturn(rand: () => number): GeneratedReturn {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const shape: Shape = {
    options: int(0, 4),
    fundsLines: 1,
    warrants: int(0, 2),
    convertibles: int(0, 2),
    arrangements: int(0, 1),
    otherMovements: 1,
  };
  const v: Record<string, string> = {};
  const year = int(2012, 2026);
  const month = int(1, 12);
  const end: YMD = { year, month, day: daysInMonth(year, month) };
  v["hdr.monthEnded"] = formatDate(end);
  v["hdr.issuer"] = `Generated Holdings ${int(1, 999)} Limited`;
  v["hdr.submitted"] = formatDate(businessDayAfter(end, int(1, 5), holidaySet()));
  const first = addDays(end, 1 - end.day);

  let movement = 0n;
  let fundsCents = 0n;
  for (let i = 1; i <= shape.options; i++) {
    const exercised = BigInt(int(0, 3) * 1000 * int(1, 50));
    const priceCents = BigInt(int(1, 2000));
    v[`A.${i}.particulars`] = "Share Option Scheme";
    v[`A.${i}.price`] = `HK$${money(priceCents)}`;
    v[`A.${i}.egmDate`] = formatDate(addDays(first, -int(30, 3000)));
    v[`A.${i}.class`] = "Ordinary shares";
    v[`A.${i}.granted`] = "Nil";
    v[`A.${i}.exercised`] = exercised === 0n ? "Nil" : group(exercised);
    v[`A.${i}.cancelled`] = "Nil";
    v[`A.${i}.lapsed`] = "-";
    v[`A.${i}.issued`] = exercised === 0n ? "Nil" : group(exercised);
    v[`A.${i}.mayIssue`] = group(BigInt(int(1, 9000) * 1000));
    movement += exercised;
    fundsCents += exercised * priceCents;
  }
  if (shape.options > 0) {
    v["A.total.ord1"] = group(movement);
    v["A.funds.1.currency"] = "HK$";
    v["A.funds.1.amount"] = `HK$${money(fundsCents)}`;
  }
  const instrument = (part: "B" | "C", n: number, moved: string): void => {
    let total = 0n;
    for (let i = 1; i <= n; i++) {
      const priceCents = BigInt(int(10, 500));
      const sharesMoved = BigInt(int(0, 2000) * 100);
      const sharesLeft = BigInt(int(1, 5000) * 1000);
      v[`${part}.${i}.description`] = `${part === "B" ? "Warrants" : "Convertible bonds"} ${i}`;
      if (part === "B") v[`B.${i}.expiry`] = formatDate({ year: end.year + 2, month: 6, day: 30 });
      v[`${part}.${i}.currency`] = "HK$";
      v[`${part}.${i}.preceding`] = money((sharesMoved + sharesLeft) * priceCents);
      v[`${part}.${i}.${moved}`] = sharesMoved === 0n ? "Nil" : money(sharesMoved * priceCents);
      v[`${part}.${i}.close`] = money(sharesLeft * priceCents);
      v[`${part}.${i}.issued`] = group(sharesMoved);
      v[`${part}.${i}.mayIssue`] = group(sharesLeft);
      v[`${part}.${i}.class`] = "Ordinary shares";
      v[`${part}.${i}.price`] = `HK$${money(priceCents)}`;
      total += sharesMoved;
    }
    if (n > 0) v[`${part}.total.ord1`] = group(total);
    movement += total;
  };
  instrument("B", shape.warrants, "exercised");
  instrument("C", shape.convertibles, "converted");
  for (let i = 1; i <= shape.arrangements; i++) {
    const issued = BigInt(int(0, 100) * 1000);
    v[`D.${i}.particulars`] = "Share award scheme";
    v[`D.${i}.class`] = "Ordinary shares";
    v[`D.${i}.issued`] = group(issued);
    v[`D.${i}.mayIssue`] = group(BigInt(int(1, 900) * 1000));
    v["D.total.ord1"] = group(issued);
    movement += issued;
  }
  const placing = BigInt(int(0, 1) * int(1, 100) * 1_000_000);
  const repurchase = BigInt(int(0, 1) * int(1, 50) * 10_000);
  // a line of (E) with no movement stays blank, as a filed return leaves it
  if (placing > 0n) {
    v["E.placing.issued"] = group(placing);
    v["E.placing.class"] = "Ordinary shares";
    v["E.placing.price"] = `HK$${money(BigInt(int(10, 900)))}`;
    v["E.placing.date"] = formatDate(addDays(first, int(0, end.day - 1)));
  }
  if (repurchase > 0n) {
    v["E.repurchase.issued"] = group(-repurchase);
    v["E.repurchase.class"] = "Ordinary shares";
    v["E.repurchase.date"] = formatDate(addDays(first, int(0, end.day - 1)));
  }
  v["E.total.ord1"] = group(placing - repurchase);
  movement += placing - repurchase;
  v["AtoE.ord1"] = group(movement);

  const preceding = BigInt(int(100, 5000)) * 1_000_000n;
  const close = preceding + movement;
  v["issued.ord1.preceding.shares"] = group(preceding);
  v["issued.ord1.movement.shares"] = group(movement);
  v["issued.ord1.close.shares"] = group(close);
  const authorised = 10_000_000_000n;
  v["auth.ord1.parCurrency"] = "HK$";
  v["auth.ord1.capitalCurrency"] = "HK$";
  v["auth.ord1.description"] = "Ordinary shares";
  v["auth.ord1.preceding.shares"] = group(authorised);
  v["auth.ord1.preceding.par"] = "0.10";
  v["auth.ord1.preceding.capital"] = money(authorised * 10n);
  v["auth.ord1.movement.shares"] = "Nil";
  v["auth.ord1.movement.capital"] = "Nil";
  v["auth.ord1.close.shares"] = group(authorised);
  v["auth.ord1.close.par"] = "0.10";
  v["auth.ord1.close.capital"] = money(authorised * 10n);
  v["auth.total"] = `HK$${money(authorised * 10n)}`;
  for (const c of ["ord2", "pref", "other"]) {
    v[`issued.${c}.preceding.shares`] = "N/A";
    v[`issued.${c}.movement.shares`] = "Nil";
    v[`issued.${c}.close.shares`] = "N/A";
    v[`AtoE.${c}`] = "N/A";
  }
  v["sig.submittedBy"] = "Chan Tai Man";
  v["sig.title"] = "Company Secretary";
  return { form: "legacy-2011", shape, values: v };
}
