import * as decimalModule from "../../values/decimal";
import type { Parsed } from "../../values/types";
import type { KindCompiler, Outcome, RunContext } from "../compile";
import type { CellRef } from "../read";
import type { Condition, RequiredRule, SignedRule, TicksRule } from "../types";
import * as commonModule from "./common";

// Kinds for FF301's statements: a figure's sign (Note 3), tick boxes (the public float
// confirmation) and cells a statement requires.

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { sign, ZERO } = decimalModule;
const { shown } = commonModule;

const NONE: readonly Outcome[] = [];

const YES = /^\s*(yes|y|true)\s*$/i;
/** What a tick box reads as ticked: a tick or cross mark, or a plain yes. */
const TICKED = /^\s*(✓|✔|☑|☒|✗|✘|x|v|yes|y|true|1|ticked)\s*$/i;

const isTicked = (p: Parsed): boolean =>
  (p.tag === "text" && TICKED.test(p.text)) || (p.tag === "number" && p.text.trim() === "1");

/** Whether a condition's cell reads as it asks. */
function holds(condition: Condition, p: Parsed): boolean {
  switch (condition.is) {
    case "yes":
      return p.tag === "text" && YES.test(p.text);
    case "notYes":
      return !(p.tag === "text" && YES.test(p.text));
    case "ticked":
      return isTicked(p);
  }
}

/** A condition's cell, when the rule has one. */
const conditionCell = (
  scope: Parameters<KindCompiler<TicksRule>>[1],
  when: Condition | undefined
): CellRef | null => (when ? scope.ref(when.field) : null);

const conditionHolds = (ctx: RunContext, when: Condition | undefined, at: CellRef | null) =>
  !when || !at || holds(when, ctx.cur.atSlot(at.slot));

/** The figure is at most zero (sign -1) or at least zero (sign 1); Nil and blank hold. */
export const signed: KindCompiler<SignedRule> = (rule, scope) => {
  const cell = scope.ref(rule.cell);
  if (cell.index < 0) return null;
  const at = cell.slot;
  return {
    cells: [cell],
    run(ctx) {
      const v = ctx.cur.atSlot(at);
      if (v.tag !== "number" || sign(v.value) * rule.sign >= 0) return NONE;
      return [{ code: rule.sign < 0 ? "signed.positive" : "signed.negative", actual: shown(v) }];
    },
    // the one figure of either sign: nil (what a figure of the wrong sign most likely meant is
    // not for the checks to guess)
    solve: (_ctx, id) => (id === cell.id ? [ZERO] : []),
  };
};

/** Where the condition holds, between `min` and `max` of the boxes are ticked. */
export const ticks: KindCompiler<TicksRule> = (rule, scope) => {
  const boxes = rule.boxes.map((t) => scope.ref(t)).filter((c) => c.index >= 0);
  if (boxes.length === 0) return null;
  const flag = conditionCell(scope, rule.when);
  const { min = 0, max = boxes.length } = rule;
  // the messages speak of the boxes together, by their block and their own captions, so that
  // none quotes one box's label as another's
  const fields = boxes.map((box) => scope.layout.byId.get(box.id));
  const where = fields[0]?.label.slice(0, fields[0].label.length - fields[0].caption.length);
  const boxesParams = {
    cell: (where ?? "").replace(/:\s*$/, ""),
    boxes: fields.map((f) => `"${f?.caption ?? ""}"`).join(" or "),
  };
  return {
    cells: boxes,
    extra: flag ? [flag] : [],
    run(ctx) {
      if (!conditionHolds(ctx, rule.when, flag)) return NONE;
      const ticked = boxes.filter((box) => isTicked(ctx.cur.atSlot(box.slot)));
      if (ticked.length < min) {
        return [{ code: "ticks.tooFew", params: { ...boxesParams, count: String(min) } }];
      }
      if (ticked.length > max) {
        const params = { count: String(max), ticked: String(ticked.length) };
        return [
          max === 0
            ? // one box's own message names that box, by its label
              { code: "ticks.none", cells: ticked, params }
            : { code: "ticks.tooMany", cells: ticked, params: { ...boxesParams, ...params } },
        ];
      }
      return NONE;
    },
  };
};

/** Where the condition holds, the cell is filled. */
export const required: KindCompiler<RequiredRule> = (rule, scope) => {
  const cell = scope.ref(rule.cell);
  const flag = scope.ref(rule.when.field);
  if (cell.index < 0 || flag.index < 0) return null;
  return {
    cells: [cell, flag],
    run(ctx) {
      if (!holds(rule.when, ctx.cur.atSlot(flag.slot))) return NONE;
      if (ctx.cur.atSlot(cell.slot).tag !== "blank") return NONE;
      return [{ code: rule.when.is === "ticked" ? "required.ticked" : "required.listed" }];
    },
  };
};
