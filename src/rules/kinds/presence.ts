import * as decimalModule from "../../values/decimal";
import { FIGURE_HINT, FIGURE_HINT_MINUS } from "../../values/parse-number";
import type { KindCompiler, Outcome } from "../compile";
import * as readModule from "../read";
import type { CellRef } from "../read";
import type {
  AllOrNoneRule,
  CellsRule,
  EmptyRule,
  NaAcrossRule,
  NotApplicableRule,
} from "../types";
import * as slotsModule from "../slots";
import * as commonModule from "./common";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { isInteger, sign } = decimalModule;
const { isNonZero, isStated, isUnstated } = readModule;
const { slotOf } = slotsModule;
const { slotsIn, shown } = commonModule;

const NONE: readonly Outcome[] = [];

/** The cell holds no figure: blank, Nil, "-", N/A or zero. */
export const empty: KindCompiler<EmptyRule> = (rule, scope) => {
  const cell = scope.ref(rule.cell);
  if (cell.index < 0) return null;
  const at = cell.slot; // runs read slots captured as numbers, not CellRef objects (placesOf)
  return {
    cells: [cell],
    run(ctx) {
      const v = ctx.cur.atSlot(at);
      if (isUnstated(v) || v.tag === "nil" || (v.tag === "number" && !isNonZero(v))) return NONE;
      return [{ code: "empty.filled", actual: shown(v) }];
    },
  };
};

/** All N/A or blank (not used), or all stated; the unstated cells of a partly stated block. */
export const allOrNone: KindCompiler<AllOrNoneRule> = (rule, scope) => {
  const cells = rule.cells.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  if (cells.length === 0) return null;
  const ats = slotsIn(cells);
  return {
    cells,
    run(ctx) {
      let missing: CellRef[] | null = null;
      let stated = 0;
      for (let k = 0; k < ats.length; k++) {
        const v = ctx.cur.atSlot(ats[k]);
        if (isStated(v)) stated++;
        else if (isUnstated(v)) (missing ??= []).push(cells[k]);
      }
      if (stated === 0 || missing === null) return NONE;
      return [
        { code: "allOrNone.partial", cells: missing, params: { count: String(missing.length) } },
      ];
    },
  };
};

/** A class N/A in II has no figure in its totals. */
export const notApplicable: KindCompiler<NotApplicableRule> = (rule, scope) => {
  const when = rule.when.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  const then = rule.then.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  if (when.length === 0) return null;
  const [whenAts, thenAts] = [slotsIn(when), slotsIn(then)];
  return {
    cells: [...when, ...then],
    run(ctx) {
      let anyNa = false;
      for (let k = 0; k < whenAts.length; k++) {
        const v = ctx.cur.atSlot(whenAts[k]);
        if (!isUnstated(v)) return NONE; // the class is in use
        if (v.tag === "na") anyNa = true;
      }
      if (!anyNa || !thenAts.some((at) => isNonZero(ctx.cur.atSlot(at)))) return NONE;
      const offending = then.filter((cell) => isNonZero(ctx.cur.atSlot(cell.slot)));
      return [
        {
          code: "notApplicable.figure",
          cells: [...offending, ...when],
          actual: shown(ctx.cur.atSlot(offending[0].slot)),
        },
      ];
    },
  };
};

/** Section I and Section II agree on whether a class is used (N/A or blank in both, or in neither). */
export const naAcross: KindCompiler<NaAcrossRule> = (rule, scope) => {
  const authorised = rule.authorised.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  const issued = rule.issued.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  if (authorised.length === 0 || issued.length === 0) return null;
  const others = scope
    .keys(rule.blocks)
    .map((c) => scope.ref(rule.anyAuthorised, { c }))
    .filter((c) => c.index >= 0);
  const [authAts, issuedAts, otherAts] = [slotsIn(authorised), slotsIn(issued), slotsIn(others)];
  return {
    cells: [...authorised, ...issued],
    extra: others.filter((c) => !authorised.some((a) => a.slot === c.slot)),
    run(ctx) {
      const firstStated = (ats: readonly number[]): number =>
        ats.findIndex((at) => isStated(ctx.cur.atSlot(at)));
      const inI = firstStated(authAts);
      const inII = firstStated(issuedAts);
      if (inI < 0 === inII < 0) return NONE;
      if (inI >= 0) {
        return [
          {
            code: "naAcross.issued",
            severity: "warning",
            cells: [...issued, ...authorised],
            actual: shown(ctx.cur.atSlot(authAts[inI])),
          },
        ];
      }
      // a Section I with no block stated is a no-par issuer's (T4): nothing to tie to
      if (firstStated(otherAts) < 0) return NONE;
      return [
        {
          code: "naAcross.authorised",
          cells: [...authorised, ...issued],
          actual: shown(ctx.cur.atSlot(issuedAts[inII])),
        },
      ];
    },
  };
};

const FIGURE_KINDS = new Set([
  "shares",
  "money",
  "par",
  "price",
  "date",
  "moneyList",
  "currency",
  "class",
]);

/** Every figure and date of a group reads (value.readable); shares whole and balances not negative (value.whole). */
export const cells: KindCompiler<CellsRule> = (rule, scope) => {
  const group = scope.bindings.g;
  const fields = (scope.layout.byGroup.get(group) ?? []).filter((f) =>
    rule.kind === "readable" ? FIGURE_KINDS.has(f.kind) : f.kind === "shares" || f.balance
  );
  if (fields.length === 0) return null;
  const refs: CellRef[] = fields.map((f) => ({
    id: f.id,
    index: f.index,
    slot: slotOf(f.id),
    prev: false,
  }));
  const position = new Map(refs.map((ref, k) => [ref.slot, k]));
  // the hint writes a decrease as the form does: FF301 "-1,234", the 2011 form "(1,234)"
  const minus = scope.layout.form.negatives === "minus";
  return {
    cells: refs,
    onlyFlagged: true,
    run(ctx) {
      // only flagged cells (unreadable, fractional shares, negative balances) fail: visit those
      let out: Outcome[] | null = null;
      for (const slot of ctx.cur.flagged) {
        const k = position.get(slot);
        if (k === undefined) continue;
        const field = fields[k];
        const v = ctx.cur.atSlot(slot);
        let outcome: Outcome | null = null;
        if (rule.kind === "readable") {
          if (v.tag === "problem") {
            outcome = {
              code: "value.unreadable",
              cells: [refs[k]],
              actual: v.text,
              params: {
                why: minus ? v.message.replace(FIGURE_HINT, FIGURE_HINT_MINUS) : v.message,
              },
            };
          }
        } else if (v.tag === "number") {
          if (field.kind === "shares" && !isInteger(v.value)) {
            outcome = { code: "value.fraction", cells: [refs[k]], actual: shown(v) };
          } else if (field.balance && sign(v.value) < 0) {
            outcome = { code: "value.negative", cells: [refs[k]], actual: shown(v) };
          }
        }
        if (outcome) (out ??= []).push(outcome);
      }
      // flagged is in form order, and so are a group's fields (the layout lists them so)
      return out ?? NONE;
    },
  };
};
