import type { FakeContext } from "./fake-objects";

/** A generic recording object: any property is a child recorder, and calling one records a call. */
export function recorder(
  ctx: FakeContext,
  sheet: string | undefined,
  path: string,
  parent?: { path: string; member: string }
): unknown {
  const children = new Map<string, unknown>();
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (typeof prop === "symbol" || prop === "then") return undefined;
      if (!children.has(prop)) {
        children.set(prop, recorder(ctx, sheet, `${path}.${prop}`, { path, member: prop }));
      }
      return children.get(prop);
    },
    set(_target, prop, value) {
      ctx.record({ kind: "set", sheet, path, member: String(prop), value });
      return true;
    },
    apply(_target, _this, args: unknown[]) {
      if (!parent) throw new Error(`${path} is not a method`);
      ctx.record({ kind: "call", sheet, path: parent.path, member: parent.member, args });
      ctx.calls += 1;
      return recorder(ctx, sheet, `${path}(${args.map(String).join(",")})#${ctx.calls}`);
    },
  });
}
