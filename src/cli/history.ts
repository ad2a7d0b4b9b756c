/**
 * `--history [<rev-range>]`: the lines each commit added, as gitleaks' history scan reads them:
 * one `git log -p -U0` streamed and parsed while git produces it (git and this thread run on two
 * cores), the added lines of each commit and file scanned as one text.
 */
import type { Detector } from "../detect/index.js";
import { gitLines } from "./git.js";
import { scanText, type TextFinding } from "./text-scan.js";

export interface CommitFinding extends TextFinding {
  readonly commit: string;
  readonly file: string;
}

export interface HistoryScan {
  readonly findings: CommitFinding[];
  readonly commits: number;
  /** Files' added lines scanned (one per commit and file). */
  readonly scanned: number;
  readonly tooLarge: number;
}

const COMMIT_MARK = "\u0001commit ";

/** A path as `git diff` writes it in `+++ b/…`, C-quoted when it has unusual characters. */
export function unquotePath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, raw.endsWith('"') ? -1 : undefined);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, "\\": 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const n = body[i + 1] ?? "";
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[n] ?? n.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

export async function scanHistory(
  root: string,
  revs: readonly string[],
  detector: Detector,
  maxBytes: number,
  salt: string | undefined,
): Promise<HistoryScan> {
  const findings: CommitFinding[] = [];
  let commits = 0;
  let scanned = 0;
  let tooLarge = 0;
  let commit = "";
  let file: string | undefined;
  let inHunk = false;
  let line = 0;
  let lines: string[] = [];
  let numbers: number[] = [];
  let size = 0;

  const flush = () => {
    if (file !== undefined && lines.length > 0) {
      scanned++;
      if (size > maxBytes) tooLarge++;
      else {
        const text = lines.join("\n");
        if (text.length >= detector.minLength) {
          for (const f of scanText(text, detector, salt)) findings.push({ ...f, line: numbers[f.line - 1]!, commit, file });
        }
      }
    }
    lines = [];
    numbers = [];
    size = 0;
    inHunk = false;
  };

  const args = [
    "-c", "core.quotePath=false", "log", "-p", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--no-textconv",
    "--format=%x01commit %H", ...(revs.length > 0 ? ["--end-of-options", ...revs] : ["--all"]), "--",
  ];
  await gitLines(root, args, (text) => {
    const c = text.charCodeAt(0);
    if (inHunk && c === 43 /* + */) {
      lines.push(text.slice(1));
      numbers.push(line++);
      size += text.length;
      return;
    }
    if (inHunk && (c === 45 /* - */ || c === 92 /* \ */)) return;
    if (text.startsWith(COMMIT_MARK)) {
      flush();
      file = undefined;
      commit = text.slice(COMMIT_MARK.length);
      commits++;
    } else if (text.startsWith("diff --git ")) {
      flush();
      file = undefined;
    } else if (text.startsWith("+++ ")) {
      const target = text.slice(4);
      file = target === "/dev/null" ? undefined : unquotePath(target).replace(/^b\//, "");
    } else if (text.startsWith("@@ ")) {
      const m = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(text);
      line = m ? Number(m[1]) : 0;
      inHunk = m !== null && file !== undefined;
    }
  });
  flush();
  return { findings, commits, scanned, tooLarge };
}
