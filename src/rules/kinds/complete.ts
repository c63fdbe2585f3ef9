import type { Field, Layout } from "../../form";
import type { Parsed } from "../../values/types";
import type { KindCompiler, Outcome } from "../compile";
import type { CellRef } from "../read";
import * as decimalModule from "../../values/decimal";
import * as slotsModule from "../slots";
import type { CompleteRule } from "../types";

// Completeness: what a filed return cannot leave blank is data of the form (Field.required). A
// line or class block is in use once any of its cells says something; entirely blank (or N/A,
// Nil) it is "not used" and asks for nothing, so typing one line never marks its empty neighbours.

// Imports taken once, here: under tsx a module's exports are getters (see read.ts).
const { isZero } = decimalModule;
const { slotOf } = slotsModule;

const NONE: readonly Outcome[] = [];

/** The units whose fields of one class form that class's block (Sections I and II). */
const CLASS_UNITS: ReadonlySet<Field["unit"]> = new Set(["authClass", "issuedClass"]);

/** Whether a cell says something that puts its line or block in use. */
export function saysSomething(p: Parsed): boolean {
  switch (p.tag) {
    case "blank":
    case "na":
    case "nil":
      return false;
    case "number":
      return !isZero(p.value);
    case "date":
    case "text":
    case "moneyList":
    case "problem":
      return true;
  }
}

const refOf = (f: Field): CellRef => ({
  id: f.id,
  index: f.index,
  slot: slotOf(f.id),
  prev: false,
});

/** The cells whose content decides whether a group is in use: its class block, or itself. */
function usageOf(layout: Layout, fields: readonly Field[]): readonly Field[] {
  const first = fields[0];
  if (!CLASS_UNITS.has(first.unit) || first.classId === undefined) return fields;
  return layout.fields.filter((f) => f.classId === first.classId && CLASS_UNITS.has(f.unit));
}

/** The group's required cells that are blank, where the group asks for them. */
export const complete: KindCompiler<CompleteRule> = (_rule, scope) => {
  const { layout } = scope;
  const fields = layout.byGroup.get(scope.bindings.g) ?? [];
  const required = fields.filter((f) => f.required !== undefined);
  if (required.length === 0) return null;
  const cells = required.map(refOf);
  const always = required.map((f) => f.required === "always");
  // a return states its first class at least: its block is always in use
  const firstClass = fields[0].classId !== undefined && fields[0].classId === layout.classes[0]?.id;
  const usage =
    required.every((f) => f.required === "always") || firstClass ? [] : usageOf(layout, fields);
  const usageRefs = usage.map(refOf);
  const [requiredAts, usageAts] = [cells.map((c) => c.slot), usageRefs.map((c) => c.slot)];
  // a grid column left blank throughout, beside columns with figures, is not used (form-spec:
  // FF301 leaves zero blank, e.g. no treasury shares); each cell's column, by slots
  const columns = [...new Set(fields.flatMap((f) => (f.column ? [f.column] : [])))];
  const columnAts = columns.map((col) =>
    fields.filter((f) => f.column === col).map((f) => slotOf(f.id))
  );
  const columnOf = required.map((f) => (f.column ? columns.indexOf(f.column) : -1));
  const named = new Set(cells.map((c) => c.id));
  const gridCells = fields.filter((f) => f.column && !named.has(f.id)).map(refOf);
  return {
    cells,
    extra: [...usageRefs, ...gridCells].filter(
      (c, k, all) => !named.has(c.id) && all.indexOf(c) === k
    ),
    run(ctx) {
      let inUse = usageAts.length === 0;
      for (let k = 0; !inUse && k < usageAts.length; k++) {
        inUse = saysSomething(ctx.cur.atSlot(usageAts[k]));
      }
      const blankColumn = columnAts.map((ats) =>
        ats.every((at) => ctx.cur.atSlot(at).tag === "blank")
      );
      const someColumn = blankColumn.includes(false);
      let blank: CellRef[] | null = null;
      for (let k = 0; k < requiredAts.length; k++) {
        if (!inUse && !always[k]) continue;
        if (columnOf[k] >= 0 && someColumn && blankColumn[columnOf[k]]) continue;
        if (ctx.cur.atSlot(requiredAts[k]).tag === "blank") (blank ??= []).push(cells[k]);
      }
      if (blank === null) return NONE;
      const labels = blank.map((c) => layout.byId.get(c.id)?.label ?? c.id);
      return [
        {
          code: "complete.blank",
          cells: blank,
          params: { count: String(blank.length), labels: labels.join("; ") },
        },
      ];
    },
  };
};
