import { legacy2011 } from "./legacy-2011";
import type { FormVersion } from "./types";

export type { ClassDef, ClassKind, ELineType, Field, FormVersion, Shape, ValueKind } from "./types";
export { layoutOf, type Domain, type Layout } from "./layout";

/** Every form version the add-in knows, by id. */
export const FORM_VERSIONS: Readonly<Record<string, FormVersion>> = {
  [legacy2011.id]: legacy2011,
};

/** The form version of an id, or undefined for an unknown id. */
export function formVersion(id: string): FormVersion | undefined {
  return Object.prototype.hasOwnProperty.call(FORM_VERSIONS, id) ? FORM_VERSIONS[id] : undefined;
}
