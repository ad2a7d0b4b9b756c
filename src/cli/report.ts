/**
 * The scan's outputs: `text` for people (file:line:col, provider, masked key, the variable to load
 * it from), `json` for scripts, `sarif` (2.1.0) for GitHub code scanning. Every one is built from
 * findings that carry the masked key only.
 */
import { PROVIDER_BY_ID } from "../detect/index.js";
import type { Refusal } from "./staged.js";
import type { TextFinding } from "./text-scan.js";

export const FORMATS = ["text", "json", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportFinding extends TextFinding {
  readonly file: string;
  readonly commit?: string;
}

export interface Skipped {
  binary: number;
  tooLarge: number;
  unreadable: number;
}

export interface ScanReport {
  readonly mode: "files" | "staged" | "history";
  readonly findings: readonly ReportFinding[];
  readonly refused: readonly Refusal[];
  /** Files (or, for history, commit-and-file pairs) read and scanned. */
  readonly scanned: number;
  readonly skipped: Skipped;
  readonly maxBytes: number;
  /** Findings accepted by the baseline (not reported). */
  readonly baselined: number;
  readonly commits?: number;
  readonly version: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function size(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export function advice(f: { readonly envVar: string | undefined }): string {
  return f.envVar ? `; load it from ${f.envVar}` : "";
}

export function summary(r: ScanReport): string {
  const skippedTotal = r.skipped.binary + r.skipped.tooLarge + r.skipped.unreadable;
  const parts = [];
  if (r.skipped.binary) parts.push(`${r.skipped.binary} binary`);
  if (r.skipped.tooLarge) parts.push(`${r.skipped.tooLarge} over ${size(r.maxBytes)}`);
  if (r.skipped.unreadable) parts.push(`${r.skipped.unreadable} unreadable`);
  const what = r.mode === "history" ? `${plural(r.commits ?? 0, "commit")} (${plural(r.scanned, "file change")})` : plural(r.scanned, "file");
  const skipped = skippedTotal > 0 ? `, ${skippedTotal} skipped (${parts.join(", ")})` : ", none skipped";
  const files = new Set(r.findings.map((f) => f.file)).size;
  const result =
    r.findings.length > 0 ? `${plural(r.findings.length, "key")} found in ${plural(files, "file")}` : "no keys found";
  const refused = r.refused.length > 0 ? `, ${plural(r.refused.length, "secret file")} staged` : "";
  const baselined = r.baselined > 0 ? `, ${r.baselined} known from the baseline` : "";
  return `keyguard: ${result}${refused}${baselined}; scanned ${what}${skipped}.`;
}

export function formatText(r: ScanReport): string {
  const lines: string[] = [];
  for (const f of r.refused) {
    lines.push(`${f.file}: secret file staged: ${f.reason}; unstage it (git rm --cached -- ${f.file}) and add it to .gitignore`);
  }
  for (const f of r.findings) {
    const where = `${f.file}:${f.line}:${f.column}`;
    lines.push(`${f.commit ? `${f.commit.slice(0, 12)} ` : ""}${where}: ${f.providerName} ${f.masked}${advice(f)}`);
  }
  if (r.findings.length > 0 || r.refused.length > 0) {
    lines.push("");
    if (r.mode === "staged") lines.push("keyguard: commit refused.");
    if (r.findings.length > 0) {
      lines.push(
        "A line that holds a test value on purpose can be marked with a keyguard-ignore comment; " +
          "a key that was ever committed must be revoked and replaced, not only deleted.",
      );
    }
  }
  lines.push(summary(r));
  return `${lines.join("\n")}\n`;
}

export function formatJson(r: ScanReport): string {
  return `${JSON.stringify(
    {
      tool: "keyguard",
      version: r.version,
      mode: r.mode,
      findings: r.findings.map((f) => ({
        ...(f.commit ? { commit: f.commit } : {}),
        file: f.file,
        line: f.line,
        column: f.column,
        provider: f.providerId,
        providerName: f.providerName,
        masked: f.masked,
        envVar: f.envVar ?? null,
        ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
      })),
      refused: r.refused,
      scanned: r.scanned,
      ...(r.commits === undefined ? {} : { commits: r.commits }),
      skipped: r.skipped,
      maxBytes: r.maxBytes,
      baselined: r.baselined,
    },
    null,
    2,
  )}\n`;
}

const SECRET_FILE_RULE = "secret-file";

export function formatSarif(r: ScanReport): string {
  const ruleIds = [...new Set(r.findings.map((f) => f.providerId))].sort();
  const rules = ruleIds.map((id) => {
    const provider = PROVIDER_BY_ID.get(id);
    const name = r.findings.find((f) => f.providerId === id)!.providerName;
    const envVar = provider?.envVar;
    return {
      id,
      name: `hardcoded-${id}`,
      shortDescription: { text: `Hardcoded ${name}` },
      fullDescription: {
        text: `A ${name} is written in the repository. Revoke it, then load the new one from the environment or a secret manager.`,
      },
      help: { text: envVar ? `Load the key from ${envVar} (keyguard/secret: secretFromEnv("${envVar}")).` : "Load the key from the environment or a secret manager." },
      ...(provider ? { helpUri: provider.docs } : {}),
      defaultConfiguration: { level: "error" },
      properties: { tags: ["security", "secret"], "security-severity": "9.0" },
    };
  });
  if (r.refused.length > 0) {
    rules.push({
      id: SECRET_FILE_RULE,
      name: SECRET_FILE_RULE,
      shortDescription: { text: "Secret file staged for commit" },
      fullDescription: { text: "A file that holds secrets by its nature (.env, *.pem, *.key) is staged." },
      help: { text: "Unstage it (git rm --cached) and add it to .gitignore (keyguard init)." },
      defaultConfiguration: { level: "error" },
      properties: { tags: ["security", "secret"], "security-severity": "9.0" },
    });
  }
  const results = [
    ...r.refused.map((f) => ({
      ruleId: SECRET_FILE_RULE,
      ruleIndex: rules.length - 1,
      level: "error",
      message: { text: `Secret file staged: ${f.reason}.` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file) } } }],
    })),
    ...r.findings.map((f) => ({
      ruleId: f.providerId,
      ruleIndex: ruleIds.indexOf(f.providerId),
      level: "error",
      message: { text: `${f.providerName} ${f.masked}${advice(f)}${f.commit ? ` (added in commit ${f.commit})` : ""}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file) },
            region: { startLine: f.line, startColumn: f.column },
          },
        },
      ],
      ...(f.fingerprint ? { partialFingerprints: { "keyguardFingerprint/v1": f.fingerprint } } : {}),
    })),
  ];
  return `${JSON.stringify(
    {
      $schema: "https://json.schemastore.org/sarif-2.1.0.json",
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "keyguard", version: r.version, informationUri: "https://github.com/keyguard-dev/keyguard", rules } },
          results,
        },
      ],
    },
    null,
    2,
  )}\n`;
}

export function formatReport(r: ScanReport, format: Format): string {
  return format === "json" ? formatJson(r) : format === "sarif" ? formatSarif(r) : formatText(r);
}
