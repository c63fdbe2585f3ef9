import { z } from "zod";
import { returnSchema } from "../src/rules/return-doc";

/** The JSON Schema of a return file, generated from the validator so the two never disagree. */
export function returnJsonSchema(): Record<string, unknown> {
  return {
    title: "HKMR monthly return (one month)",
    description:
      "One month's Monthly Return of Equity Issuer on Movements in Securities, values as typed; see docs/return-format.md.",
    ...z.toJSONSchema(returnSchema, { target: "draft-2020-12" }),
  };
}

if (require.main === module) {
  process.stdout.write(JSON.stringify(returnJsonSchema(), null, 2) + "\n");
}
