import { centsOf, money, priceText, type ClassSpec, type Dice } from "./ff301-issuer";

// The class blocks of a generated FF301 return: the block headers, Sections I and II, the float
// confirmation, and Part III's subtotals and totals, from what the lines moved in each class.

/** The FF301 versions, by form id. */
export type Ff301Form = "ff301-1.0" | "ff301-treasury" | "ff301-1.2";

/** How X1 is written: the change in total issued shares (H) or excluding treasury shares (L). */
export type X1Reading = "H" | "L";

/** The parts of Section III. */
export type Part = "A" | "B" | "C" | "D" | "E";
const PARTS: readonly Part[] = ["A", "B", "C", "D", "E"];

/** A class's movements this month and its part subtotals as they count. */
export interface Tally {
  excl: bigint;
  treasury: bigint;
  /** Treasury shares there to transfer out: the opening figure plus repurchases into treasury. */
  left: bigint;
  readonly x1: Record<Part, bigint>;
  /** (A2) to (D2) as magnitudes (decreases in treasury shares); (E2) signed. */
  readonly x2: Record<Part, bigint>;
}

/** A class's tally before any line. */
export const emptyTally = (c: ClassSpec): Tally => ({
  excl: 0n,
  treasury: 0n,
  left: c.treasury,
  x1: { A: 0n, B: 0n, C: 0n, D: 0n, E: 0n },
  x2: { A: 0n, B: 0n, C: 0n, D: 0n, E: 0n },
});

/** How the return writes a share count, and a figure of a decrease column (by magnitude). */
export interface Writers {
  readonly fig: (n: bigint) => string;
  readonly less: (n: bigint) => string;
}

const THRESHOLD =
  "Initial Prescribed Threshold - 25% of the total number of issued shares in the class to which the listed shares belong (excluding treasury shares)";

/** Block headers, Sections I and II, and Part III's subtotals and totals, per class. */
export function writeClasses(
  d: Dice,
  v: Record<string, string>,
  classes: readonly ClassSpec[],
  tally: (c: ClassSpec) => Tally,
  form: Ff301Form,
  reading: X1Reading | null,
  { fig, less }: Writers
): void {
  const registered = v["hdr.registered"] === "Yes";
  const capital = new Map<string, bigint>(); // currency -> cents at close
  for (const c of classes) {
    const t = tally(c);
    if (t.excl + c.excl < 0n || t.treasury + c.treasury < 0n) throw new Error(`class ${c.id} < 0`);
    const total0 = c.excl + c.treasury;
    const move = t.excl + t.treasury;
    const a = `auth.${c.id}`;
    v[`${a}.className`] = c.className;
    v[`${a}.type`] = c.type;
    v[`${a}.listed`] = c.listed ? "Yes" : "No";
    if (c.stockCode) v[`${a}.stockCode`] = c.stockCode;
    v[`${a}.description`] = c.description;
    // registered capital: registered shares = issued shares (auth.ge.issued); else headroom
    const authorised = registered ? total0 : ((total0 + move) / 1_000_000n + 1n) * 2_000_000n;
    const authMove = registered ? move : d.chance(0.1) ? d.lots(1, 5, 1_000_000_000n) : 0n;
    const rows = [
      ["preceding", authorised],
      ["close", authorised + authMove],
    ] as const;
    for (const [row, n] of rows) {
      v[`${a}.${row}.shares`] = fig(n);
      v[`${a}.${row}.par`] = priceText(c.par);
      v[`${a}.${row}.capital`] = `${c.par.currency} ${money(centsOf(n, c.par))}`;
    }
    // Section I is stated throughout, a nil movement too: a blank there is auth.na's note
    const stated = (text: string): string => text || "0";
    v[`${a}.movement.shares`] = stated(fig(authMove));
    const moved = centsOf(authMove, c.par);
    v[`${a}.movement.capital`] =
      moved === 0n ? stated(fig(0n)) : `${c.par.currency} ${money(moved)}`;
    capital.set(
      c.par.currency,
      (capital.get(c.par.currency) ?? 0n) + centsOf(authorised + authMove, c.par)
    );

    const ii = `issued.${c.id}`;
    const columns: [string, bigint, bigint][] =
      form === "ff301-1.0"
        ? [["shares", total0, move]]
        : [
            ["excl", c.excl, t.excl],
            ["treasury", c.treasury, t.treasury],
            ["shares", total0, move],
          ];
    for (const [col, opening, change] of columns) {
      // a column in use states its balances, zero too; one left blank throughout is not used
      const used = opening !== 0n || change !== 0n;
      const balance = (n: bigint): string => (used ? stated(fig(n)) : fig(n));
      v[`${ii}.preceding.${col}`] = balance(opening);
      v[`${ii}.movement.${col}`] = fig(change);
      v[`${ii}.close.${col}`] = balance(opening + change);
    }

    let all1 = 0n;
    for (const p of PARTS) {
      v[`${p}.total.${c.id}`] = fig(t.x1[p]);
      all1 += t.x1[p];
      // AA2 to DD2 ("Decrease in treasury shares") are decreases; EE2 is signed
      if (form !== "ff301-1.0")
        v[`${p}.treasury.${c.id}`] = p === "E" ? fig(t.x2.E) : less(t.x2[p]);
    }
    v[`AtoE.${c.id}`] = fig(all1);
    const expected = reading === "L" ? t.excl : move;
    if (all1 !== expected) throw new Error(`class ${c.id}: X1 total ${all1} is not ${expected}`);
    if (form !== "ff301-1.0") {
      const all2 = t.x2.E - t.x2.A - t.x2.B - t.x2.C - t.x2.D;
      if (all2 !== t.treasury)
        throw new Error(`class ${c.id}: X2 total ${all2} is not ${t.treasury}`);
      v[`AtoE.treasury.${c.id}`] = fig(all2);
    }
  }
  v["auth.total"] = [...capital].map(([cur, cents]) => `${cur} ${money(cents)}`).join(" and ");
}

/** The public float sufficiency confirmation (ff301-1.2): one box per listed class. */
export function writeFloat(
  d: Dice,
  v: Record<string, string>,
  classes: readonly ClassSpec[]
): void {
  for (const c of classes) {
    if (!c.listed) continue;
    const ii = `issued.${c.id}`;
    v[`${ii}.float.threshold`] = THRESHOLD;
    if (d.chance(0.9)) {
      v[`${ii}.float.complied`] = "✓";
    } else {
      v[`${ii}.float.notComplied`] = "✓";
      v[`${ii}.float.info`] =
        `Public float ${d.int(150, 249) / 10}% at the close of the month; restoring it`;
    }
  }
}
