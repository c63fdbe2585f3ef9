// The fuzz suite, short and seeded for `npm test`; `npm run fuzz` runs the same targets longer.
import { fuzzEngine, fuzzFunctions, fuzzParser, fuzzPlan } from "./harness";

const RUN = { seed: 20261203, numRuns: 400 };

test("the values parser never throws on hostile text", () => fuzzParser(RUN));
test("the engine reads and reconciles mutated returns without a throw, deterministically", () =>
  fuzzEngine({ ...RUN, numRuns: 150 }));
test("the HKMR functions give a value or a cell error on hostile arguments", () =>
  fuzzFunctions(RUN));
test("the plan never writes user text as a formula", () => fuzzPlan(RUN));
