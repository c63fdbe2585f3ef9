import type { Layout } from "../form";

// Every field id of every layout, numbered once: a cell's slot is the same in every shape of a
// return, where its index in the layout is not (option lines push the later parts down). Rule
// instances address cells by slot, so one instance serves every shape and a batch of many shapes
// keeps a few hundred instances in the processor's cache instead of thousands (measured: most of
// a kind's run time was waiting for its instance's data).
// The map's keys come back from an object's keys, so they are internalised, as for-in's keys are:
// a lookup compares pointers, not characters (measured: 11 of 15 us of a return's lookups).
const SLOTS = new Map<string, number>();

function addSlots(ids: readonly string[]): void {
  const fresh: Record<string, true> = Object.create(null) as Record<string, true>;
  for (const id of ids) if (!SLOTS.has(id)) fresh[id] = true;
  for (const id of Object.keys(fresh)) SLOTS.set(id, SLOTS.size);
}

/** The slot of a field id, or -1 for an id no layout seen so far has. */
export const slotOf = (id: string): number => SLOTS.get(id) ?? -1;

/** A layout's fields by slot and back. */
export interface SlotTable {
  /** The field index of each slot, -1 where the layout has no such field (or the slot is newer). */
  readonly indexOfSlot: Int32Array;
  /** The slot of each field index. */
  readonly slotOfIndex: Int32Array;
}

const tables = new WeakMap<Layout, SlotTable>();

/** The slots of a layout's fields, numbered on first sight. */
export function slotsOf(layout: Layout): SlotTable {
  let table = tables.get(layout);
  if (!table) {
    addSlots(layout.fields.map((f) => f.id));
    const indexOfSlot = new Int32Array(SLOTS.size).fill(-1);
    const slotOfIndex = new Int32Array(layout.fields.length);
    for (const field of layout.fields) {
      const slot = slotOf(field.id);
      indexOfSlot[slot] = field.index;
      slotOfIndex[field.index] = slot;
    }
    table = { indexOfSlot, slotOfIndex };
    tables.set(layout, table);
  }
  return table;
}

/** The index of the field in a slot of the table's layout, -1 where it has none. */
export const indexOfSlot = (table: SlotTable, slot: number): number =>
  slot >= 0 && slot < table.indexOfSlot.length ? table.indexOfSlot[slot] : -1;
