import { isInteger, sign } from "../../values/decimal";
import type { KindCompiler, Outcome } from "../compile";
import { isNonZero, isStated, isUnstated, type CellRef } from "../read";
import type { AllOrNoneRule, CellsRule, EmptyRule, NotApplicableRule } from "../types";
import { shown } from "./common";

const NONE: readonly Outcome[] = [];

/** The cell holds no figure: blank, Nil, "-", N/A or zero. */
export const empty: KindCompiler<EmptyRule> = (rule, scope) => {
  const cell = scope.ref(rule.cell);
  if (cell.index < 0) return null;
  return {
    cells: [cell],
    run(ctx) {
      const v = ctx.cur.at(cell.index);
      if (isUnstated(v) || v.tag === "nil" || (v.tag === "number" && !isNonZero(v))) return NONE;
      return [{ code: "empty.filled", actual: shown(v) }];
    },
  };
};

/** All N/A or blank (not used), or all stated; the unstated cells of a partly stated block. */
export const allOrNone: KindCompiler<AllOrNoneRule> = (rule, scope) => {
  const cells = rule.cells.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  if (cells.length === 0) return null;
  return {
    cells,
    run(ctx) {
      const missing: CellRef[] = [];
      let stated = 0;
      for (const cell of cells) {
        const v = ctx.cur.at(cell.index);
        if (isStated(v)) stated++;
        else if (isUnstated(v)) missing.push(cell);
      }
      if (stated === 0 || missing.length === 0) return NONE;
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
  return {
    cells: [...when, ...then],
    run(ctx) {
      let anyNa = false;
      for (const cell of when) {
        const v = ctx.cur.at(cell.index);
        if (!isUnstated(v)) return NONE; // the class is in use
        if (v.tag === "na") anyNa = true;
      }
      if (!anyNa) return NONE;
      const offending = then.filter((cell) => isNonZero(ctx.cur.at(cell.index)));
      if (offending.length === 0) return NONE;
      return [
        {
          code: "notApplicable.figure",
          cells: [...offending, ...when],
          actual: shown(ctx.cur.at(offending[0].index)),
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
  const refs: CellRef[] = fields.map((f) => ({ id: f.id, index: f.index, prev: false }));
  return {
    cells: refs,
    run(ctx) {
      if (!ctx.cur.suspect) return NONE; // no unreadable, fractional or negative figure anywhere
      const out: Outcome[] = [];
      for (let k = 0; k < fields.length; k++) {
        const field = fields[k];
        const v = ctx.cur.at(field.index);
        if (rule.kind === "readable") {
          if (v.tag === "problem") {
            out.push({
              code: "value.unreadable",
              cells: [refs[k]],
              actual: v.text,
              params: { why: v.message },
            });
          }
          continue;
        }
        if (v.tag !== "number") continue;
        if (field.kind === "shares" && !isInteger(v.value)) {
          out.push({ code: "value.fraction", cells: [refs[k]], actual: shown(v) });
        } else if (field.balance && sign(v.value) < 0) {
          out.push({ code: "value.negative", cells: [refs[k]], actual: shown(v) });
        }
      }
      return out;
    },
  };
};
