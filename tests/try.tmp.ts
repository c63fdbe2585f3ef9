import { loadFixture, fixtureNames } from "./support/fixtures";
import { verdictOf } from "../src/rules/verdict";
for (const name of fixtureNames()) {
  const fx = loadFixture(name);
  const v = verdictOf(fx.month, fx.previous);
  console.log(name, "|", v.headline, "|", v.toFill.slice(0,6).join(","), "|", v.suggestions.slice(0,3).map(s=>`${s.field}=${s.value}(${s.current}) clears ${s.clears}${s.tiedWith? " tied "+s.tiedWith:""}`).join("; "));
}
const fx = loadFixture("ff301-options-treasury-example-2026-06.json");
console.log(Object.entries(fx.month.values).filter(([k]) => k.startsWith("issued.c1") || k.startsWith("A.1")));
