/**
 * Files that hold secrets by their nature and must never be committed: the seed guide's Level 2
 * list (`.env`, `.env.local`, `.env.production`, `*.key`, `*.pem`, `config/secrets.yml`) and its
 * obvious relatives. Templates meant to be committed (`.env.example`, `*.sample`, `*.template`)
 * are not secret files.
 */

/** The `.gitignore` entries of the guide, in its order: `keyguard init` adds the missing ones. */
export const GUIDE_GITIGNORE: readonly string[] = [".env", ".env.local", ".env.production", "*.key", "*.pem", "config/secrets.yml"];

const TEMPLATE_SUFFIXES = [".example", ".sample", ".template"];
const KEY_EXTENSIONS = [".key", ".pem", ".p12", ".pfx"];
const SSH_PRIVATE_KEYS = new Set(["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"]);

function basename(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? path : path.slice(slash + 1);
}

/** Whether `path` (slash-separated) names a template that is meant to be committed. */
export function isTemplate(path: string): boolean {
  const name = basename(path).toLowerCase();
  return TEMPLATE_SUFFIXES.some((s) => name.endsWith(s));
}

/**
 * Why `path` (slash-separated, relative to the repository) is a secret file, or `undefined` when it
 * is not one.
 */
export function secretFileReason(path: string): string | undefined {
  const name = basename(path);
  const lower = name.toLowerCase();
  if (isTemplate(path)) return undefined;
  if (lower === ".env" || lower.startsWith(".env.")) return "an environment file (.env) holds the keys themselves";
  const ext = KEY_EXTENSIONS.find((e) => lower.endsWith(e));
  if (ext) return `a ${ext} file holds a private key or certificate store`;
  if (SSH_PRIVATE_KEYS.has(lower)) return "an SSH private key";
  if (path === "config/secrets.yml" || path.endsWith("/config/secrets.yml")) return "config/secrets.yml holds the application's secrets";
  return undefined;
}
