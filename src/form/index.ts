import { ff301Treasury, ff301v10, ff301v12 } from "./ff301";
import { legacy2011 } from "./legacy-2011";
import type { FormVersion } from "./types";

export type {
  ClassDef,
  ClassKind,
  Direction,
  ELineType,
  Field,
  FormVersion,
  Requirement,
  Shape,
  UnitDef,
  UnitId,
  ValueKind,
} from "./types";
export {
  layoutOf,
  LINE_DOMAINS,
  lineGroupOf,
  unknownELines,
  type Domain,
  type Layout,
  type LineDomain,
} from "./layout";
export {
  LIMITS,
  LimitError,
  assertShapeWithinLimits,
  cellLengthProblem,
  isLimitError,
  shapeProblem,
} from "./limits";

/** Every form version the add-in knows, by id. */
export const FORM_VERSIONS: Readonly<Record<string, FormVersion>> = {
  [legacy2011.id]: legacy2011,
  [ff301v12.id]: ff301v12,
  [ff301Treasury.id]: ff301Treasury,
  [ff301v10.id]: ff301v10,
};

/** The version a new return starts from: the FF301 form issuers file today. */
export const DEFAULT_FORM = ff301v12.id;

/** The form version of an id, or undefined for an unknown id. */
export function formVersion(id: string): FormVersion | undefined {
  return Object.prototype.hasOwnProperty.call(FORM_VERSIONS, id) ? FORM_VERSIONS[id] : undefined;
}
