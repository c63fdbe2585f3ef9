import type { Layout } from "../form";
import * as classNamesModule from "./class-names";
import * as compileModule from "./compile";
import type { MonthReader } from "./read";

// Imports taken once, here: under tsx (the hkmr command, npm run bench) a module's exports are
// getters, and a call through one pays a lookup each time (measured: 40% of a batch's work).
const { classKey } = classNamesModule;
const { resolveRef } = compileModule;

// A line's "Class of shares issuable" names one of the return's classes: by the names the return
// gives its classes (Section I descriptions), else by the classes' own words ("ordinary", "(1)").

/** What a layout fixes once: the cells that name each class, and the keys of the classes' words. */
interface ClassNaming {
  /** The name cells in lookup order (classes, then the form's name templates), with their class. */
  readonly nameCells: readonly { readonly index: number; readonly classId: string }[];
  readonly words: ReadonlyMap<string, string>;
  readonly first: string | null;
}

const namings = new WeakMap<Layout, ClassNaming>();

function namingOf(layout: Layout): ClassNaming {
  let naming = namings.get(layout);
  if (!naming) {
    const nameCells: { index: number; classId: string }[] = [];
    const words = new Map<string, string>();
    for (const cls of layout.classes) {
      for (const template of layout.form.classNames) {
        const { index } = resolveRef(layout, template, { c: cls.id });
        if (index >= 0) nameCells.push({ index, classId: cls.id });
      }
      for (const word of cls.words)
        if (!words.has(classKey(word))) words.set(classKey(word), cls.id);
    }
    naming = { nameCells, words, first: layout.classes[0]?.id ?? null };
    namings.set(layout, naming);
  }
  return naming;
}

/**
 * Resolves a line's class cell (by slot) to a class id for one month: by the classes' names on
 * the form, then their words; a blank cell is of the first class. Each cell resolves once a month.
 */
export function classResolver(cur: MonthReader): (slot: number) => string | null {
  const { nameCells, words, first } = namingOf(cur.layout);
  let names: Map<string, string> | undefined;
  let resolved: Map<number, string | null> | undefined; // by slot
  const lookup = (text: string): string | null => {
    if (!names) {
      names = new Map();
      for (const { index, classId } of nameCells) {
        const v = cur.at(index);
        if (v.tag === "text" && !names.has(classKey(v.text))) names.set(classKey(v.text), classId);
      }
    }
    const key = classKey(text);
    return names.get(key) ?? words.get(key) ?? null;
  };
  return (slot) => {
    const v = cur.atSlot(slot);
    if (v.tag !== "text") return first; // blank: the form's lines are of the first class unless stated
    resolved ??= new Map();
    let cls = resolved.get(slot);
    if (cls === undefined) {
      cls = lookup(v.text);
      resolved.set(slot, cls);
    }
    return cls;
  };
}
