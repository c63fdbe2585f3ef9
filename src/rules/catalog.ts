import { legacy2011Rules } from "./legacy-2011-rules";
import type { Rule } from "./types";

/** The rules that apply to each form version, by version id. */
export const RULES_BY_FORM: Readonly<Record<string, readonly Rule[]>> = {
  "legacy-2011": legacy2011Rules,
};
