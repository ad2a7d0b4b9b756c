/**
 * Which written values are keys, as `no-hardcoded-key` decides it: the one answer both
 * `no-hardcoded-key` (which reports them) and `require-secret-source` (which leaves them to it)
 * use, so that a key is reported once. Also what can never be a credential.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from "@typescript-eslint/utils";
import { CLIENTS } from "../../src/clients/catalog.js";
import { createDetector, KNOWN_PREFIXES, type AllowEntry, type CustomPattern, type Detector, type Finding } from "../../src/detect/index.js";
import { argumentOf, bindingName, clientOption, fallbackName, keyHolderName, namingArgument } from "./places.js";
import { parentThroughTypeWrappers } from "./syntax.js";

/** What a detector is built from: `no-hardcoded-key`'s options. */
export interface DetectorConfig {
  readonly extraPatterns?: readonly CustomPattern[];
  readonly allow?: readonly AllowEntry[];
}

/** Detectors by options, so that a lint run compiles each set of patterns once, not once per file. */
const detectors = new Map<string, Detector>();
const MAX_CACHED_DETECTORS = 32;
/** The same by options object: ESLint hands every file the config's own option objects, so this is the hit. */
const detectorsByOptions = new WeakMap<DetectorConfig, Detector>();

/** The detector of `config` (built once per distinct configuration); throws `DetectorOptionError` on bad patterns. */
export function detectorFor(config: DetectorConfig = {}): Detector {
  const known = detectorsByOptions.get(config);
  if (known) return known;
  const key = JSON.stringify([config.extraPatterns ?? [], config.allow ?? []]);
  let detector = detectors.get(key);
  if (!detector) {
    detector = createDetector({ extraPatterns: config.extraPatterns ? [...config.extraPatterns] : undefined, allow: config.allow ? [...config.allow] : undefined });
    if (detectors.size >= MAX_CACHED_DETECTORS) detectors.clear();
    detectors.set(key, detector);
  }
  detectorsByOptions.set(config, detector);
  return detector;
}

/** Option names that hold a client's key: `apiKey`, `token`, `api_key`, `secretKey`, `authToken`. */
const KEY_OPTION = /key|token|secret/i;

/** Keys of a Firebase web config besides its `apiKey`. */
const FIREBASE_CONFIG_KEYS = new Set(["authDomain", "messagingSenderId", "appId", "storageBucket", "projectId"]);

/**
 * Whether `node` is the `apiKey` of a Firebase web config (`{ apiKey, authDomain, appId, … }`):
 * that key is public by design (it identifies the project; Security Rules protect the data). Only
 * the config's own `apiKey`: any other key in the same object (`geminiApiKey`) is no such thing.
 */
export function isFirebaseWebApiKey(node: TSESTree.Node): boolean {
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== node || property.computed) return false;
  const key = property.key;
  if (!((key.type === AST_NODE_TYPES.Identifier && key.name === "apiKey") || (key.type === AST_NODE_TYPES.Literal && key.value === "apiKey"))) return false;
  const object = property.parent;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return object.properties.some(
    (p) => p.type === AST_NODE_TYPES.Property && p.key.type === AST_NODE_TYPES.Identifier && FIREBASE_CONFIG_KEYS.has(p.key.name),
  );
}

/** The keys of the catalog (and of the detector's own patterns) in `value`, the public Firebase web key left out. */
export function formatFindings(detector: Detector, node: TSESTree.Node, value: string): Finding[] {
  if (value.length < detector.minLength) return [];
  const findings = detector.scan(value);
  return findings.length > 0 && isFirebaseWebApiKey(node) ? findings.filter((f) => f.providerId !== "google-api") : findings;
}

/**
 * Environment variables of catalog clients by the names they are called under (`AzureChatOpenAI`
 * → `AZURE_OPENAI_API_KEY`, `twilio` → `TWILIO_AUTH_TOKEN`): a call's name says whose key its
 * option holds even where the name alone does not (`new AzureChatOpenAI({ apiKey: "…" })`).
 */
const CLIENT_ENV_VARS: ReadonlyMap<string, string> = (() => {
  const byName = new Map<string, string[]>();
  for (const client of CLIENTS) {
    const vars = [client.envVar, ...Object.values(client.envVarByOption ?? {})];
    const names = [...client.exports.filter((e) => e !== "default" && !e.includes("*")), ...(client.importedAs ? [client.importedAs] : [])];
    for (const name of names) byName.set(name, [...(byName.get(name) ?? []), ...vars]);
  }
  return new Map([...byName].map(([name, vars]) => [name, [...new Set(vars)].join(" ")]));
})();

/** The words that say whose key a value passed to a call is: the callee and the catalog's variables for it. */
const calleeWords = (callee: string) => {
  const vars = CLIENT_ENV_VARS.get(callee);
  return vars ? `${callee} ${vars}` : callee;
};

/** How many uses of a name bound to a key-shaped value are looked at for a client that takes it. */
const MAX_USES = 16;

/**
 * A key without a prefix, found by what holds it: the name it is bound to (`cohereApiKey = "…"`),
 * the name of an object that holds keys (`API_KEYS = { cohere: "…" }`), the read it is the
 * fallback of (`env.CO_API_KEY ?? "…"`), a call's argument that names it (`getEnvOrDefault("api_token", "…")`),
 * the client option it is (`new CohereClient({ token: "…" })`, `new OpenAI({ apiKey: "…",
 * baseURL: "https://api.deepseek.com" })`), the client argument it is (`twilio(sid, "…")`), a key
 * provider it is returned by (`azureADTokenProvider: () => "…"`), or, for a `const` whose name does
 * not tell, the client option or argument the const is passed as (`const K = "…"; new CohereClient({ token: K })`).
 */
export function namedFinding(
  detector: Detector,
  node: TSESTree.Node,
  value: string,
  sourceCode?: Readonly<TSESLint.SourceCode>,
): Finding | undefined {
  // The shape first: most strings are words or sentences, and the name is looked up only for the rest.
  if (value.length < 16 || !detector.hasNamedShape(value)) return undefined;
  const finding = placeFinding(detector, node, value);
  if (finding || !sourceCode) return finding;
  const declarator = declaratorOf(node);
  if (!declarator) return undefined;
  for (const variable of sourceCode.getDeclaredVariables(declarator)) {
    if (variable.references.some((r) => r.isWrite() && !r.init)) return undefined;
    let looked = 0;
    for (const reference of variable.references) {
      if (reference.init || ++looked > MAX_USES) continue;
      const found = placeFinding(detector, reference.identifier, value);
      if (found) return found;
    }
  }
  return undefined;
}

/** The key `value` is by the place `node` stands in: its name, the client option or argument it is. */
function placeFinding(detector: Detector, node: TSESTree.Node, value: string): Finding | undefined {
  const holder = node.parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && node.parent.body === node ? node.parent : node;
  const name = bindingName(holder);
  const found = (name === undefined ? undefined : detector.scanNamed(name, value)) ?? useFinding(detector, holder, value);
  if (found) return found;
  // The name of an object that holds keys (`API_KEYS = { cohere: "…" }`).
  for (const other of keyHolderName(holder) ?? []) {
    const held = detector.scanNamed(other, value);
    if (held) return held;
  }
  // The name of what a fallback stands in for (`env.CO_API_KEY ?? "…"`), or a call's argument that names the value.
  for (const other of [fallbackName(holder), namingArgument(holder)]) {
    const named = other === undefined ? undefined : detector.scanNamed(other, value);
    if (named) return named;
  }
  return undefined;
}

/** The key `value` is by the client option or argument `node` stands in. */
function useFinding(detector: Detector, node: TSESTree.Node, value: string): Finding | undefined {
  const client = clientOption(node);
  if (client) {
    return KEY_OPTION.test(client.option)
      ? detector.scanNamed([calleeWords(client.callee), ...client.siblings, client.option].join(" "), value)
      : undefined;
  }
  // A key passed by position: `twilio(accountSid, "…")`, `new Twilio(sid, "…")`.
  const callee = argumentOf(node);
  return callee === undefined ? undefined : detector.scanNamed(`${calleeWords(callee)} key`, value);
}

/** The declarator `node` initialises directly (`const K = node`), with an identifier as its target. */
function declaratorOf(node: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  const { child, parent } = parentThroughTypeWrappers(node);
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === child && parent.id.type === AST_NODE_TYPES.Identifier ? parent : undefined;
}

/** Whether `no-hardcoded-key` (with `detector`) reports the value `value` written at `node`. */
export function isDetectedKey(detector: Detector, node: TSESTree.Node, value: string, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return formatFindings(detector, node, value).length > 0 || namedFinding(detector, node, value, sourceCode) !== undefined;
}

/**
 * Whether `text` cannot be a credential: empty, a bare provider prefix with no body (`"sk-"`), or
 * text with whitespace or angle brackets (`"My API Key"`, `"<your_key>"`). Such values are
 * placeholders for keyless local servers and documentation, never secrets.
 */
export function cannotBeCredential(text: string): boolean {
  // A header value's auth scheme is not part of the credential: `"Bearer <token>"` is judged by its token.
  const value = text.replace(/^(?:Bearer|Basic|Token) /i, "");
  const trimmed = value.trim();
  if (trimmed === "") return true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3c /* < */ || c === 0x3e /* > */ || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return true;
  }
  return KNOWN_PREFIXES.some((prefix) => prefix.startsWith(value));
}

/** Words that say a value is a stand-in, matched case-insensitively as a whole word part of the value. */
const STAND_IN_WORDS = new Set(["test", "testing", "dummy", "fake", "mock", "placeholder", "example", "sample", "changeme", "your", "foo", "bar", "xxx", "todo", "dev", "local", "demo", "stub", "invalid", "none"]);

/** Whether `value` reads as a stand-in (`"test-key"`, `"dummy_token"`, `"YOUR_KEY"`): its words include one of the stand-in words. */
export function readsAsStandIn(value: string): boolean {
  if (value.length > 200) return false;
  for (const word of value.split(/[^A-Za-z]+/)) {
    // camelCase splits too: `testKey` → `test`, `Key`.
    for (const part of word.split(/(?=[A-Z][a-z])/)) if (STAND_IN_WORDS.has(part.toLowerCase())) return true;
  }
  return false;
}
