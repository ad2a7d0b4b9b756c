import { ESLintUtils } from "@typescript-eslint/utils";
import { describe, expect, it } from "vitest";
import { createRule } from "../../rules/utils.js";

type Options = [{ level?: number; names?: string[]; nested?: { on?: boolean } }];

/** A rule that hands back the options it was created with. */
function probe() {
  const seen: Readonly<Options>[] = [];
  const rule = createRule<Options, "m">({
    name: "probe",
    meta: {
      type: "problem",
      docs: { description: "probe" },
      messages: { m: "m" },
      schema: [{ type: "object" }],
      defaultOptions: [{ level: 1, names: [], nested: { on: true } }],
    },
    defaultOptions: [{ level: 1, names: [], nested: { on: true } }],
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
  const create = (options: unknown[]) => rule.create({ options } as never);
  return { rule, seen, create };
}

describe("createRule", () => {
  it("gives the same options as typescript-eslint's applyDefault", () => {
    const { seen, create } = probe();
    const user = { names: ["a"], nested: {} };
    create([]);
    create([user]);
    const defaults: Options = [{ level: 1, names: [], nested: { on: true } }];
    expect(seen[0]).toEqual(ESLintUtils.applyDefault(defaults, [] as unknown as Options));
    expect(seen[1]).toEqual(ESLintUtils.applyDefault(defaults, [user] as Options));
    expect(seen[1]![0]).toEqual({ level: 1, names: ["a"], nested: { on: true } });
  });

  it("merges once per options object: every file of a config gets the same frozen options", () => {
    const { seen, create } = probe();
    const user = { level: 3 };
    // ESLint copies the options array for every file, not the objects in it.
    create([user]);
    create([user]);
    create([]);
    create([]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[3]).toBe(seen[2]);
    expect(seen[0]![0]!.level).toBe(3);
    expect(seen[2]![0]!.level).toBe(1);
    expect(Object.isFrozen(seen[0])).toBe(true);
    expect(Object.isFrozen(seen[0]![0])).toBe(true);
  });

  it("a different options object (an inline config comment) gets its own options", () => {
    const { seen, create } = probe();
    create([{ level: 2 }]);
    create([{ level: 5 }]);
    expect(seen.map((o) => o[0]!.level)).toEqual([2, 5]);
  });

  it("leaves the user's own config objects unfrozen", () => {
    const { create } = probe();
    const names = ["x"];
    const user = { names };
    create([user]);
    expect(Object.isFrozen(user)).toBe(false);
    expect(Object.isFrozen(names)).toBe(false);
  });

  it("keeps the docs URL and meta of typescript-eslint's RuleCreator", () => {
    const { rule } = probe();
    expect(rule.meta.docs?.url).toMatch(/docs\/rules\/probe\.md$/);
    expect(rule.name).toBe("probe");
  });
});
