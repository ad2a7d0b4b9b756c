import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import type { AllowEntry, CustomPattern, Detector, Finding } from "../src/detect/index.js";
import { detectorFor, formatFindings, namedFinding } from "./analysis/key-literals.js";
import { betterRewrite } from "./analysis/rewrites.js";
import { staticString, type ScopeSource } from "./analysis/static-value.js";
import { createRule } from "./utils.js";

export type Options = [
  {
    checkComments?: boolean;
    extraPatterns?: CustomPattern[];
    allow?: AllowEntry[];
  },
];
export type MessageIds = "hardcodedKey" | "keyInComment" | "useEnv" | "removeFallback";

function detectorOf(options: Options[0]): Detector {
  try {
    return detectorFor(options);
  } catch (error) {
    throw new Error(`keyguard/no-hardcoded-key: invalid options: ${(error as Error).message}`, { cause: error });
  }
}

/** A step of `SourceCode#traverse()`: ESLint's language API (`@eslint/core`), in every ESLint the plugin supports. */
interface TraversalStep {
  readonly kind: number;
  readonly phase?: number;
  readonly target: unknown;
}
/** `kind` of a step that visits a node, and `phase` of entering it (`@eslint/core`'s VisitTraversalStep). */
const VISIT_STEP = 1;
const ENTER_PHASE = 1;

/** The steps of ESLint's traversal of the file, or `undefined` where the SourceCode has none. */
function traversalSteps(sourceCode: Readonly<TSESLint.SourceCode>): Iterable<TraversalStep> | undefined {
  const traverse = (sourceCode as unknown as { traverse?: () => Iterable<TraversalStep> }).traverse;
  return typeof traverse === "function" ? traverse.call(sourceCode) : undefined;
}

/** A run of adjacent parts (operands of `+`, or quasis and expressions of a template) with a static value. */
interface Segment {
  readonly node: TSESTree.Node;
  readonly value: string;
  /** Offset in its run's text, set by `scanRun`. */
  start: number;
}

/**
 * Whether a part is a string that only this run reports: the text of a template (its quasis), or an
 * operand written into a `+` chain (operands are not scanned on their own). A literal inside a
 * template's `${…}` is reported by its own visitor, and a name by the literal it is bound to.
 */
const isWrittenHere = (node: TSESTree.Node, whole: TSESTree.Node) =>
  node.type === AST_NODE_TYPES.TemplateElement ||
  (whole.type === AST_NODE_TYPES.BinaryExpression &&
    (node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateLiteral));

/** A name, or a member of names (`P.head`, `C.keys["head"]`): what may stand for a constant. */
function isName(node: TSESTree.Node): boolean {
  let n = node;
  while (n.type === AST_NODE_TYPES.MemberExpression && (!n.computed || n.property.type === AST_NODE_TYPES.Literal)) n = n.object;
  return n.type === AST_NODE_TYPES.Identifier;
}

function isPlusChain(node: TSESTree.Node | undefined): node is TSESTree.BinaryExpression {
  return node?.type === AST_NODE_TYPES.BinaryExpression && node.operator === "+";
}

export default createRule<Options, MessageIds>({
  name: "no-hardcoded-key",
  meta: {
    type: "problem",
    docs: {
      description: "Disallow hardcoded API keys and tokens in string literals, templates, concatenations, JSX and comments",
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey:
        "Hardcoded {{provider}} ({{masked}}). Load it from the environment ({{source}}) or a secret loader; if this was ever committed, revoke the key.",
      keyInComment:
        "{{provider}} ({{masked}}) in a comment. Remove it; if this was ever committed, revoke the key.",
      useEnv: "Replace the key with {{source}}.",
      removeFallback: "Remove the hardcoded fallback.",
    },
    schema: [
      {
        type: "object",
        additionalProperties: false,
        properties: {
          checkComments: {
            type: "boolean",
            description: "Also scan comments (default true).",
          },
          extraPatterns: {
            type: "array",
            description: "Key formats of your own, e.g. a company gateway's keys.",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["name", "pattern"],
              properties: {
                name: { type: "string", minLength: 1, description: "Shown in messages." },
                pattern: { type: "string", minLength: 1, description: "Regular expression source, without slashes." },
                envVar: {
                  type: "string",
                  pattern: "^[A-Za-z_][A-Za-z0-9_]*$",
                  description: "Environment variable the suggestion reads the key from.",
                },
              },
            },
          },
          allow: {
            type: "array",
            description: "Values never reported: exact strings, or `{ pattern, flags }` regular expressions tested against the key.",
            items: {
              anyOf: [
                { type: "string", minLength: 1 },
                {
                  type: "object",
                  additionalProperties: false,
                  required: ["pattern"],
                  properties: {
                    pattern: { type: "string", minLength: 1 },
                    flags: { type: "string", pattern: "^[dimsuv]*$" },
                  },
                },
              ],
            },
          },
        },
      },
    ],
    defaultOptions: [{ checkComments: true, extraPatterns: [], allow: [] }],
  },
  defaultOptions: [{ checkComments: true, extraPatterns: [], allow: [] }],
  create(context, [options]) {
    const detector = detectorOf(options);
    const sourceCode = context.sourceCode;
    const minLength = detector.minLength;

    const envSource = (finding: Finding) => (finding.envVar ? `process.env.${finding.envVar}` : "an environment variable");

    /** How a finding's suggestion rewrites the code: `fix` puts an expression in place of `target`'s key. */
    interface Replacement {
      /** The expression the key is the whole value of, when the fix replaces it whole. */
      readonly target: TSESTree.Node | undefined;
      readonly fix: (env: string) => TSESLint.ReportFixFunction;
    }

    function report(node: TSESTree.Node, loc: TSESTree.SourceLocation, finding: Finding, replacement: Replacement | undefined): void {
      const source = envSource(finding);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (replacement && finding.envVar) {
        const env = `process.env.${finding.envVar}`;
        const better = replacement.target && betterRewrite(sourceCode, replacement.target, env);
        suggest.push(
          better
            ? better.kind === "removeFallback"
              ? { messageId: "removeFallback", fix: better.fix }
              : { messageId: "useEnv", data: { source }, fix: better.fix }
            : { messageId: "useEnv", data: { source }, fix: replacement.fix(env) },
        );
      }
      context.report({
        node,
        loc,
        messageId: "hardcodedKey",
        data: { provider: finding.providerName, masked: finding.masked, source },
        suggest,
      });
    }

    /** The rewrite of a string literal that holds `finding`, or none where a rewrite would change meaning. */
    function literalFix(node: TSESTree.StringLiteral, finding: Finding): Replacement | undefined {
      const parent = node.parent;
      if (
        parent.type === AST_NODE_TYPES.ImportDeclaration ||
        parent.type === AST_NODE_TYPES.ExportAllDeclaration ||
        parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        parent.type === AST_NODE_TYPES.ImportExpression ||
        parent.type === AST_NODE_TYPES.TSLiteralType ||
        parent.type === AST_NODE_TYPES.TSExternalModuleReference ||
        parent.type === AST_NODE_TYPES.TSEnumMember ||
        (parent.type === AST_NODE_TYPES.Property && parent.key === node) ||
        (parent.type === AST_NODE_TYPES.ExpressionStatement && parent.directive !== undefined)
      ) {
        return undefined;
      }
      const whole = finding.start === 0 && finding.end === node.value.length;
      if (parent.type === AST_NODE_TYPES.JSXAttribute) {
        return whole ? { target: undefined, fix: (env) => (fixer) => fixer.replaceText(node, `{${env}}`) } : undefined;
      }
      if (whole) return { target: node, fix: (env) => (fixer) => fixer.replaceText(node, env) };
      // `"Bearer sk-…"` becomes `` `Bearer ${process.env.X}` `` when the literal has no escapes to re-encode.
      const plain = node.raw.slice(1, -1) === node.value && !/[`\\]|\$\{/.test(node.value);
      if (!plain) return undefined;
      const before = node.value.slice(0, finding.start);
      const after = node.value.slice(finding.end);
      return { target: undefined, fix: (env) => (fixer) => fixer.replaceText(node, `\`${before}\${${env}}${after}\``) };
    }

    function scanLiteral(node: TSESTree.StringLiteral): void {
      const value = node.value;
      if (value.length < minLength) return;
      const findings = formatFindings(detector, node, value);
      for (const finding of findings) report(node, node.loc, finding, literalFix(node, finding));
      if (findings.length === 0) scanNamed(node, value);
    }

    /** Keys without a prefix, found by the name or the client option that holds them (`namedFinding`). */
    function scanNamed(node: TSESTree.Node, value: string): void {
      const finding = namedFinding(detector, node, value, sourceCode);
      if (!finding) return;
      const whole = finding.start === 0 && finding.end === value.length;
      const fix =
        node.type === AST_NODE_TYPES.Literal && typeof node.value === "string"
          ? literalFix(node as TSESTree.StringLiteral, finding)
          : whole
            ? { target: node, fix: (env: string) => (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, env) }
            : undefined;
      report(node, node.loc, finding, fix);
    }

    /**
     * Scans runs of adjacent static parts joined, so that `"sk-proj-" + rest` and
     * `` `${PREFIX}${body}` `` are seen whole. A key that lies entirely inside a part which only
     * names a string (a `const` written elsewhere in the file) is reported where it is written.
     * `parts` are fresh segments (their `start` is set here); returns how many keys were found.
     */
    function scanSegments(parts: readonly (Segment | undefined)[], whole: TSESTree.Node): number {
      let found = 0;
      let from = 0;
      for (let i = 0; i <= parts.length; i++) {
        if (i < parts.length && parts[i] !== undefined) continue;
        if (i > from) found += scanRun(parts as readonly Segment[], from, i, whole, parts.length);
        from = i + 1;
      }
      return found;
    }

    /** Whether the detector finds `finding` in `segment` alone, at the same place. */
    function foundAlone(segment: Segment, finding: Finding): boolean {
      const start = finding.start - segment.start;
      const end = finding.end - segment.start;
      return detector.scan(segment.value).some((f) => f.start === start && f.end === end);
    }

    /** Whether no part of `parts[first..last]` is written in `whole` itself. */
    function notWrittenHere(parts: readonly Segment[], first: number, last: number, whole: TSESTree.Node): boolean {
      for (let i = first; i <= last; i++) if (isWrittenHere(parts[i]!.node, whole)) return false;
      return true;
    }

    /** Whether a part of `parts[first..last]` holds a key of its own that overlaps `finding`. */
    function holdsKey(parts: readonly Segment[], first: number, last: number, finding: Finding): boolean {
      for (let i = first; i <= last; i++) {
        const part = parts[i]!;
        if (detector.scan(part.value).some((f) => part.start + f.start < finding.end && finding.start < part.start + f.end)) return true;
      }
      return false;
    }

    /** Scans the run `parts[from..to)` (no `undefined` in it); returns how many keys the detector found in it. */
    function scanRun(parts: readonly Segment[], from: number, to: number, whole: TSESTree.Node, partCount: number): number {
      let length = 0;
      for (let i = from; i < to; i++) {
        parts[i]!.start = length;
        length += parts[i]!.value.length;
      }
      if (length < minLength) return 0;
      let text = parts[from]!.value;
      for (let i = from + 1; i < to; i++) text += parts[i]!.value;
      const findings = detector.scan(text);
      // Findings come in order of position: the first segment of each is at or after the previous one's.
      let first = from;
      for (const finding of findings) {
        while (first < to - 1 && parts[first]!.start + parts[first]!.value.length <= finding.start) first++;
        let last = first;
        while (last < to - 1 && parts[last + 1]!.start < finding.end) last++;
        const head = parts[first]!;
        const tail = parts[last]!;
        // A key inside one segment that is not written here (a literal in `${…}`, a constant's value)
        // is reported where it is written, unless the run supplies part of its match: a prefix that
        // only marks where a key sits (`SharedAccessKey=`) may stand in the segment before it.
        if (first === last && !isWrittenHere(head.node, whole) && foundAlone(head, finding)) continue;
        // Names only (`K + SUFFIX`): a key that one of the constants holds is reported where it is
        // written, even where the join extends its match.
        if (notWrittenHere(parts, first, last, whole) && holdsKey(parts, first, last, finding)) continue;
        const loc = { start: head.node.loc.start, end: tail.node.loc.end };
        const exact = finding.start === head.start && finding.end === tail.start + tail.value.length;
        let fix: Replacement | undefined;
        if (exact && whole.type === AST_NODE_TYPES.BinaryExpression) {
          // `"sk-proj-" + "…"` → `process.env.X`: the operands that hold the key, and nothing else.
          const all = finding.start === 0 && finding.end === text.length && to - from === partCount;
          fix = { target: all ? whole : undefined, fix: (env) => (fixer) => fixer.replaceTextRange([head.node.range[0], tail.node.range[1]], env) };
        } else if (
          exact &&
          whole.type === AST_NODE_TYPES.TemplateLiteral &&
          whole.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression && // `tag\`…\`` calls a function: keep it
          finding.start === 0 &&
          finding.end === text.length &&
          to - from === partCount
        ) {
          fix = { target: whole, fix: (env) => (fixer) => fixer.replaceText(whole, env) };
        }
        report(head.node, loc, finding, fix);
      }
      return findings.length;
    }

    /**
     * A template's quasis and expressions in order; `undefined` where the value is only known at run
     * time. The scope is looked up only when an expression needs it (a name bound elsewhere).
     */
    function templateParts(node: TSESTree.TemplateLiteral, scope: ScopeSource): (Segment | undefined)[] {
      const parts: (Segment | undefined)[] = [];
      const { quasis, expressions } = node;
      for (let i = 0; i < quasis.length; i++) {
        const quasi = quasis[i]!;
        const cooked = quasi.value.cooked;
        parts.push(cooked == null ? undefined : { node: quasi, value: cooked, start: 0 });
        const expression = expressions[i];
        if (expression) {
          const value = staticString(expression, scope);
          parts.push(value === undefined ? undefined : { node: expression, value, start: 0 });
        }
      }
      return parts;
    }

    function operands(node: TSESTree.Expression | TSESTree.PrivateIdentifier, out: TSESTree.Node[]): void {
      if (isPlusChain(node)) {
        operands(node.left, out);
        operands(node.right, out);
      } else out.push(node);
    }

    const visitors = {
      Literal(node: TSESTree.Literal) {
        if (typeof node.value !== "string") return;
        if (isPlusChain(node.parent)) return; // scanned with its chain
        scanLiteral(node as TSESTree.StringLiteral);
      },
      TemplateLiteral(node: TSESTree.TemplateLiteral) {
        if (isPlusChain(node.parent)) return; // scanned with its chain
        if (node.expressions.length === 0) {
          // No expression: one quasi, no scope needed, and one scan serves both checks.
          const value = node.quasis[0]?.value.cooked;
          if (value == null || value.length < Math.min(minLength, 16)) return;
          const found = scanSegments([{ node: node.quasis[0]!, value, start: 0 }], node);
          if (found === 0 && value.length > 0) scanNamed(node, value);
          return;
        }
        scanSegments(templateParts(node, () => sourceCode.getScope(node)), node);
      },
      BinaryExpression(node: TSESTree.BinaryExpression) {
        if (node.operator !== "+" || isPlusChain(node.parent)) return;
        const list: TSESTree.Node[] = [];
        operands(node, list);
        // A chain with a written part, or one of names only (`HEAD + BODY`, `P.head + P.body`): the
        // names may be constants whose joined values are a key. Anything else joins a value only
        // known at run time.
        const namesOnly = !list.some((n) => n.type === AST_NODE_TYPES.Literal || n.type === AST_NODE_TYPES.TemplateLiteral);
        if (namesOnly && !list.every(isName)) return;
        let scope: TSESLint.Scope.Scope | undefined;
        const lazyScope = () => (scope ??= sourceCode.getScope(node));
        const parts: (Segment | undefined)[] = [];
        let allStatic = true;
        for (const operand of list) {
          const value = staticString(operand, lazyScope);
          parts.push(value === undefined ? undefined : { node: operand, value, start: 0 });
          if (value === undefined) allStatic = false;
        }
        const found = scanSegments(parts, node);
        // Parts that are not static (a template with a runtime expression) are scanned on their own.
        for (let i = 0; i < list.length; i++) {
          const operand = list[i]!;
          if (parts[i] === undefined && operand.type === AST_NODE_TYPES.TemplateLiteral) {
            scanSegments(templateParts(operand, lazyScope), operand);
          }
        }
        // When every part is static, the chain was scanned above as one run: its text is the whole value.
        if (found > 0 || !allStatic) return;
        let value = "";
        for (const part of parts) value += part!.value;
        // Names only, one of them the whole value (`KEY + EMPTY`): that constant is judged where it is written.
        const trimmed = value.trim();
        if (namesOnly && parts.some((part) => part!.value.trim() === trimmed)) return;
        scanNamed(node, value);
      },
      JSXText(node: TSESTree.JSXText) {
        if (node.value.length < minLength) return;
        for (const finding of detector.scan(node.value)) report(node, node.loc, finding, undefined);
      },
    };

    function scanComments(): void {
      for (const comment of sourceCode.getAllComments()) {
        if (comment.value.length < minLength) continue;
        const offset = comment.range[0] + 2;
        for (const finding of detector.scan(comment.value)) {
          context.report({
            loc: {
              start: sourceCode.getLocFromIndex(offset + finding.start),
              end: sourceCode.getLocFromIndex(offset + finding.end),
            },
            messageId: "keyInComment",
            data: { provider: finding.providerName, masked: finding.masked },
          });
        }
      }
    }

    const steps = traversalSteps(sourceCode);
    if (!steps) {
      // No traversal to read (not ESLint's JavaScript SourceCode): the same checks as listeners.
      return { ...visitors, Program: () => (options.checkComments === false ? undefined : scanComments()) };
    }
    // The whole file is checked here, in create(), from the steps of ESLint's own traversal
    // (`SourceCode#traverse()`, computed and cached before any rule is created, parents set):
    // a plain loop over them costs a fraction of what listeners do, since a rule with any listener
    // makes ESLint look up selectors for every node of the file (bench/RESULTS.md).
    if (options.checkComments !== false) scanComments();
    for (const step of steps) {
      if (step.kind !== VISIT_STEP || step.phase !== ENTER_PHASE) continue;
      const node = step.target as TSESTree.Node;
      switch (node.type) {
        case AST_NODE_TYPES.Literal:
          visitors.Literal(node);
          break;
        case AST_NODE_TYPES.TemplateLiteral:
          visitors.TemplateLiteral(node);
          break;
        case AST_NODE_TYPES.BinaryExpression:
          visitors.BinaryExpression(node);
          break;
        case AST_NODE_TYPES.JSXText:
          visitors.JSXText(node);
          break;
      }
    }
    return {};
  },
});
