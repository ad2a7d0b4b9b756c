// Runs an analysis on parsed code, as a rule would: the code is linted by a one-off rule that hands
// its SourceCode (scopes and parents set) to the callback.
import tsParser from "@typescript-eslint/parser";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { Linter } from "eslint";

export interface Parsed {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The first node (in source order) for which `test` holds; throws when there is none. */
  find<T extends TSESTree.Node = TSESTree.Node>(test: (node: TSESTree.Node) => boolean): T;
  /** The first identifier named `name` after the text `after` (default: anywhere). */
  id(name: string, after?: string): TSESTree.Identifier;
  /** The outermost node whose text is exactly `text`, the last one in the file (where code is used, after its declarations). */
  node<T extends TSESTree.Node = TSESTree.Node>(text: string): T;
}

export function analyse<T>(code: string, callback: (parsed: Parsed) => T, filename = "file.tsx"): T {
  let result: { value: T } | undefined;
  let failure: unknown;
  const linter = new Linter({ configType: "flat" });
  const rule = {
    meta: { type: "problem", schema: [] },
    create(context: TSESLint.RuleContext<string, unknown[]>) {
      return {
        "Program:exit"(program: TSESTree.Program) {
          const sourceCode = context.sourceCode;
          const all: TSESTree.Node[] = [];
          const visit = (node: TSESTree.Node) => {
            all.push(node);
            for (const key of sourceCode.visitorKeys[node.type] ?? []) {
              const child = (node as unknown as Record<string, unknown>)[key];
              for (const c of Array.isArray(child) ? child : [child]) if (c && typeof (c as TSESTree.Node).type === "string") visit(c as TSESTree.Node);
            }
          };
          visit(program);
          all.sort((a, b) => a.range[0] - b.range[0]);
          const find = <N extends TSESTree.Node>(test: (node: TSESTree.Node) => boolean): N => {
            const found = all.find(test);
            if (!found) throw new Error("no such node");
            return found as N;
          };
          const parsed: Parsed = {
            sourceCode,
            find,
            id: (name, after) => find((n) => n.type === "Identifier" && n.name === name && (after === undefined || n.range[0] >= code.indexOf(after) + after.length)),
            node: <N extends TSESTree.Node>(text: string): N => {
              const start = code.lastIndexOf(text);
              return find<N>((n) => n.range[0] === start && sourceCode.getText(n) === text);
            },
          };
          try {
            result = { value: callback(parsed) };
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.ts", "**/*.tsx"],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { t: { rules: { r: rule as never } } },
        rules: { "t/r": "error" },
      },
    ],
    filename,
  );
  if (failure) throw failure;
  if (!result) throw new Error(`the analysis did not run: ${messages.map((m) => m.message).join("; ")}`);
  return result.value;
}
