import { FORM_VERSIONS } from "../form";
import { ff301RulesOf } from "./ff301-rules";
import { legacy2011Rules } from "./legacy-2011-rules";
import type { Rule } from "./types";

/** The rules that apply to each form version, by version id. */
export const RULES_BY_FORM: Readonly<Record<string, readonly Rule[]>> = Object.fromEntries(
  Object.values(FORM_VERSIONS).map((form) => [
    form.id,
    form.classMode === "slots" ? legacy2011Rules : ff301RulesOf(form),
  ])
);
