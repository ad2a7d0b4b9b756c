import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  SecretConfigError,
  SecretError,
  SecretFileError,
  SecretFormatError,
  SecretNotFoundError,
  SecretSourceError,
  defineSecretSource,
  mask,
  secretFromCredential,
  secretFromEnv,
  secretFromFile,
  secretFromJson,
  unsafeSecretString,
} from "../../src/secret/index.js";
import { mask as detectMask } from "../../src/detect/mask.js";
import { fakeKey, j } from "../helpers/keys.js";
import { caught, expectSafeError, expectSecret, expectSecrets } from "./helpers.js";
import { asUnprivileged } from "../helpers/unprivileged.js";

const ANTHROPIC = fakeKey("anthropic", 11);
const OPENAI = fakeKey("openai-project", 12);
const MISTRAL = fakeKey("mistral", 13);
const PLAIN = j("correct-horse-", "battery-staple-", "8e1f");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "keyguard-secret-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The error `fn` throws synchronously; fails if it throws nothing. */
function caughtSync(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return expect.fail("expected an error, none was thrown");
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("the leak check of these tests", () => {
  it("catches a value in the message, in a window of it, and in the cause chain", () => {
    expect(() => expectSafeError(new SecretError("s", `x ${PLAIN}`), SecretError, PLAIN)).toThrow();
    expect(() => expectSafeError(new SecretError("s", `x ${ANTHROPIC.slice(20, 30)}`), SecretError, ANTHROPIC)).toThrow();
    const deep = new SecretError("s", "fine", { cause: Object.assign(new Error("fine too"), { cause: new Error(OPENAI) }) as never });
    expect(() => expectSafeError(deep, SecretError, OPENAI)).toThrow();
    expect(() => expectSafeError(new SecretError("s", `x ${mask(ANTHROPIC)}`), SecretError, ANTHROPIC)).not.toThrow();
  });
});

describe("unsafeSecretString and mask", () => {
  it("brands the string unchanged", () => {
    const s = unsafeSecretString(PLAIN);
    expect(s).toBe(PLAIN);
    expect(typeof s).toBe("string");
  });
  it("rejects a non-string at run time", async () => {
    expectSafeError(await caught(() => unsafeSecretString(42 as unknown as string)), SecretConfigError);
  });
  it("re-exports the one masking function of keyguard/detect", () => {
    expect(mask).toBe(detectMask);
    expect(mask(ANTHROPIC)).toBe(`sk-ant-api03-…${ANTHROPIC.slice(-4)}`);
  });
});

describe("secretFromEnv", () => {
  it("reads the variable from a given env", () => {
    expect(secretFromEnv("MY_KEY", { env: { MY_KEY: PLAIN } })).toBe(PLAIN);
  });

  describe("with the real process environment", () => {
    const name = `KEYGUARD_TEST_${process.pid}`;
    afterEach(() => {
      delete process.env[name];
      delete process.env[`${name}_FILE`];
    });
    it("reads process.env by default", () => {
      process.env[name] = PLAIN;
      expect(secretFromEnv(name)).toBe(PLAIN);
    });
    it("reads NAME_FILE from process.env", () => {
      process.env[`${name}_FILE`] = file("proc-env-file", `${PLAIN}\n`);
      expect(secretFromEnv(name)).toBe(PLAIN);
    });
    it("fails on a missing variable, naming it and NAME_FILE", async () => {
      const error = expectSafeError(await caught(() => secretFromEnv(name)), SecretNotFoundError);
      expect(error.message).toContain(name);
      expect(error.message).toContain(`${name}_FILE`);
      expect(error.source).toBe(`env ${name}`);
    });
  });

  it("fails on an empty variable", async () => {
    const error = expectSafeError(await caught(() => secretFromEnv("K", { env: { K: "" } })), SecretNotFoundError);
    expect(error.message).toMatch(/K is set but empty/);
  });

  it("reads NAME_FILE and strips the trailing newline (LF and CRLF)", () => {
    expect(secretFromEnv("K", { env: { K_FILE: file("lf", `${PLAIN}\n`) } })).toBe(PLAIN);
    expect(secretFromEnv("K", { env: { K_FILE: file("crlf", `${PLAIN}\r\n`) } })).toBe(PLAIN);
    expect(secretFromEnv("K", { env: { K_FILE: file("none", PLAIN) } })).toBe(PLAIN);
    // Only line breaks at the end are stripped; a multi-line secret (a PEM body) keeps its inner ones.
    expect(secretFromEnv("K", { env: { K_FILE: file("multi", `a\nb\n\n`) } })).toBe("a\nb");
  });

  it("fails when NAME and NAME_FILE are both set, without either value", async () => {
    const path = file("both", ANTHROPIC);
    const error = expectSafeError(
      await caught(() => secretFromEnv("ANTHROPIC_API_KEY", { env: { ANTHROPIC_API_KEY: OPENAI, ANTHROPIC_API_KEY_FILE: path } })),
      SecretConfigError,
      ANTHROPIC,
      OPENAI,
    );
    expect(error.message).toContain("both ANTHROPIC_API_KEY and ANTHROPIC_API_KEY_FILE are set");
  });

  it("an empty NAME does not conflict with NAME_FILE (as in the official images)", () => {
    expect(secretFromEnv("K", { env: { K: "", K_FILE: file("empty-direct", PLAIN) } })).toBe(PLAIN);
  });

  it("fails on a missing NAME_FILE file, naming the variable and the path", async () => {
    const path = join(dir, "does-not-exist");
    const error = expectSafeError(await caught(() => secretFromEnv("K", { env: { K_FILE: path } })), SecretFileError);
    expect(error.message).toContain("K_FILE");
    expect(error.message).toContain(path);
    expect((error as SecretFileError).code).toBe("ENOENT");
  });

  it("fails on an empty NAME_FILE file", async () => {
    const error = expectSafeError(await caught(() => secretFromEnv("K", { env: { K_FILE: file("blank", "\n") } })), SecretNotFoundError);
    expect(error.message).toMatch(/is empty/);
  });

  it("fails on a NAME_FILE that is a directory", async () => {
    const error = expectSafeError(await caught(() => secretFromEnv("K", { env: { K_FILE: dir } })), SecretFileError);
    expect((error as SecretFileError).code).toBe("EISDIR");
  });

  it("rejects a missing or non-string name", async () => {
    expectSafeError(await caught(() => secretFromEnv("")), SecretConfigError);
    expectSafeError(await caught(() => secretFromEnv(undefined as unknown as string)), SecretConfigError);
  });

  describe("format", () => {
    it("accepts a key of the expected provider", () => {
      expectSecret(secretFromEnv("ANTHROPIC_API_KEY", { env: { ANTHROPIC_API_KEY: ANTHROPIC }, format: "anthropic" }), ANTHROPIC);
      expectSecret(secretFromEnv("OPENAI_API_KEY", { env: { OPENAI_API_KEY: OPENAI }, format: ["openai-service-account", "openai-project"] }), OPENAI);
    });
    it("accepts a key without a prefix, recognised by its provider's name", () => {
      expectSecret(secretFromEnv("MISTRAL_API_KEY", { env: { MISTRAL_API_KEY: MISTRAL }, format: "mistral" }), MISTRAL);
    });
    it("says which format was expected and which it looks like, never the value", async () => {
      const error = expectSafeError(
        await caught(() => secretFromEnv("ANTHROPIC_API_KEY", { env: { ANTHROPIC_API_KEY: OPENAI }, format: "anthropic" })),
        SecretFormatError,
        OPENAI,
      );
      expect(error.message).toContain("expected an Anthropic API key");
      expect(error.message).toContain("it looks like an OpenAI project key");
      expect((error as SecretFormatError).expected).toEqual(["anthropic"]);
    });
    it("rejects a placeholder and a truncated key", async () => {
      const placeholder = j("sk-", "ant-api03-", "x".repeat(95));
      expectSafeError(await caught(() => secretFromEnv("K", { env: { K: placeholder }, format: "anthropic" })), SecretFormatError, placeholder);
      const cut = ANTHROPIC.slice(0, 40);
      expectSafeError(await caught(() => secretFromEnv("K", { env: { K: cut }, format: "anthropic" })), SecretFormatError, cut);
      const padded = `${ANTHROPIC} `;
      expectSafeError(await caught(() => secretFromEnv("K", { env: { K: padded }, format: "anthropic" })), SecretFormatError, ANTHROPIC);
    });
    it("checks the format of a NAME_FILE value too", async () => {
      const path = file("fmt", `${OPENAI}\n`);
      const error = expectSafeError(await caught(() => secretFromEnv("K", { env: { K_FILE: path }, format: "groq" })), SecretFormatError, OPENAI);
      expect(error.message).toContain("env K_FILE");
      expect(error.message).toContain("expected a Groq");
    });
    it("fails on a format that is not in the catalog, even before reading", async () => {
      const error = expectSafeError(await caught(() => secretFromEnv("K", { env: {}, format: "antropic" })), SecretConfigError);
      expect(error.message).toContain('"antropic"');
      expectSafeError(await caught(() => secretFromEnv("K", { env: { K: PLAIN }, format: [] })), SecretConfigError, PLAIN);
    });
  });
});

describe("secretFromFile", () => {
  it("reads the file and strips the trailing newline", () => {
    expect(secretFromFile(file("docker-secret", `${PLAIN}\n`))).toBe(PLAIN);
  });

  it("re-reads by path on every call: a Kubernetes-style symlink swap is seen at once", () => {
    // A Kubernetes secret volume: key -> ..data/key, ..data -> ..<timestamp>; an update swaps ..data.
    const vol = join(dir, "k8s-volume");
    mkdirSync(join(vol, "..v1"), { recursive: true });
    mkdirSync(join(vol, "..v2"), { recursive: true });
    writeFileSync(join(vol, "..v1", "api-key"), `${ANTHROPIC}\n`);
    writeFileSync(join(vol, "..v2", "api-key"), `${OPENAI}\n`);
    symlinkSync("..v1", join(vol, "..data"));
    symlinkSync(join("..data", "api-key"), join(vol, "api-key"));
    const path = join(vol, "api-key");
    expectSecret(secretFromFile(path), ANTHROPIC);
    symlinkSync("..v2", join(vol, "..data_tmp"));
    renameSync(join(vol, "..data_tmp"), join(vol, "..data"));
    expectSecret(secretFromFile(path), OPENAI);
  });

  it("re-reads a file replaced by rename (a new inode)", () => {
    const path = file("rotated", PLAIN);
    expect(secretFromFile(path)).toBe(PLAIN);
    writeFileSync(join(dir, "rotated.new"), ANTHROPIC);
    renameSync(join(dir, "rotated.new"), path);
    expectSecret(secretFromFile(path, { format: "anthropic" }), ANTHROPIC);
  });

  it("fails on a missing file with SecretFileError naming the path", async () => {
    const path = join(dir, "nope");
    const error = expectSafeError(await caught(() => secretFromFile(path)), SecretFileError);
    expect(error.message).toBe(`file ${path}: file ${path} does not exist (ENOENT)`);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("fails on an unreadable file (EACCES), under root too: the read then runs with an unprivileged effective user", async () => {
    // Root reads any file whatever its mode, so under root (CI containers) the read is done with
    // the effective user and group "nobody" (seteuid, restored at once: the call is synchronous).
    // The directory is searchable by everyone, so the EACCES comes from the file's own mode: a
    // readable file beside it is read in the same way, as the control.
    const shared = mkdtempSync(join(tmpdir(), "keyguard-unreadable-"));
    try {
      chmodSync(shared, 0o711);
      const unreadable = join(shared, "unreadable");
      const readable = join(shared, "readable");
      writeFileSync(unreadable, ANTHROPIC);
      writeFileSync(readable, OPENAI);
      chmodSync(unreadable, 0o000);
      chmodSync(readable, 0o644);
      const [control, error] = asUnprivileged(() => [secretFromFile(readable), caughtSync(() => secretFromFile(unreadable))]);
      expectSecret(control, OPENAI);
      const fileError = expectSafeError(error, SecretFileError, ANTHROPIC) as SecretFileError;
      expect(fileError.code).toBe("EACCES");
      expect(fileError.message).toBe(`file ${unreadable}: file ${unreadable} is not readable (permission denied) (EACCES)`);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it("fails on a wrong format without the value", async () => {
    const path = file("wrong-format", ANTHROPIC);
    expectSafeError(await caught(() => secretFromFile(path, { format: "openai-project" })), SecretFormatError, ANTHROPIC);
  });
});

describe("secretFromCredential", () => {
  it("reads $CREDENTIALS_DIRECTORY/<id>", () => {
    const creds = join(dir, "creds");
    mkdirSync(creds, { recursive: true });
    writeFileSync(join(creds, "openai"), `${OPENAI}\n`);
    expectSecret(secretFromCredential("openai", { env: { CREDENTIALS_DIRECTORY: creds }, format: "openai-project" }), OPENAI);
  });
  it("fails clearly without $CREDENTIALS_DIRECTORY", async () => {
    const error = expectSafeError(await caught(() => secretFromCredential("openai", { env: {} })), SecretNotFoundError);
    expect(error.message).toContain("CREDENTIALS_DIRECTORY is not set");
    expect(error.message).toContain("LoadCredential=openai");
  });
  it("fails on a credential the service was not given", async () => {
    const error = expectSafeError(await caught(() => secretFromCredential("missing", { env: { CREDENTIALS_DIRECTORY: dir } })), SecretFileError);
    expect(error.message).toContain("credential missing");
  });
  it("rejects an id that is a path", async () => {
    for (const id of ["../etc/passwd", "..", "a/b"]) {
      expectSafeError(await caught(() => secretFromCredential(id, { env: { CREDENTIALS_DIRECTORY: dir } })), SecretConfigError);
    }
  });
});

describe("secretFromJson", () => {
  it("takes a field, or a nested path", () => {
    expectSecret(secretFromJson(JSON.stringify({ api_key: OPENAI }), "api_key", { format: "openai-project" }), OPENAI);
    expectSecret(secretFromJson(JSON.stringify({ openai: { key: OPENAI } }), ["openai", "key"]), OPENAI);
  });

  it("does not leak the text through the JSON.parse message", async () => {
    // V8's message quotes the start of the text it could not parse: a bare key file read as JSON.
    let engineMessage = "";
    try {
      JSON.parse(MISTRAL);
    } catch (error) {
      engineMessage = (error as Error).message;
    }
    expect(engineMessage).toContain(MISTRAL.slice(0, 8));
    for (const text of [MISTRAL, `{"api_key": "${ANTHROPIC}"`, `{"api_key": '${ANTHROPIC}'}`]) {
      const error = expectSafeError(await caught(() => secretFromJson(text, "api_key", { source: "vault kv/openai" })), SecretFormatError, ANTHROPIC, MISTRAL);
      expect(error.message).toMatch(/^vault kv\/openai: is not valid JSON/);
    }
  });

  it("names the missing field, not the other values", async () => {
    const error = expectSafeError(
      await caught(() => secretFromJson(JSON.stringify({ apiKey: ANTHROPIC, other: OPENAI }), "api_key")),
      SecretNotFoundError,
      ANTHROPIC,
      OPENAI,
    );
    expect(error.message).toBe('JSON document: has no field "api_key"');
  });

  it("fails on a non-object, a non-string field and an empty field", async () => {
    expectSafeError(await caught(() => secretFromJson(JSON.stringify([ANTHROPIC]), "0")), SecretFormatError, ANTHROPIC);
    expectSafeError(await caught(() => secretFromJson(JSON.stringify(ANTHROPIC), "k")), SecretFormatError, ANTHROPIC);
    const nested = expectSafeError(await caught(() => secretFromJson(JSON.stringify({ a: ANTHROPIC }), ["a", "b"])), SecretFormatError, ANTHROPIC);
    expect(nested.message).toContain('field "a" is string, not a JSON object');
    const num = expectSafeError(await caught(() => secretFromJson('{"k": 12345}', "k")), SecretFormatError);
    expect(num.message).toContain("is number, not a string");
    expectSafeError(await caught(() => secretFromJson('{"k": ""}', "k")), SecretNotFoundError);
    expectSafeError(await caught(() => secretFromJson("{}", [])), SecretConfigError);
  });

  it("checks the format of the field", async () => {
    const error = expectSafeError(
      await caught(() => secretFromJson(JSON.stringify({ k: ANTHROPIC }), "k", { format: "groq", source: "doc" })),
      SecretFormatError,
      ANTHROPIC,
    );
    expect(error.message).toMatch(/^doc field "k": expected a Groq API key/);
  });
});

describe("defineSecretSource", () => {
  it("brands what the fetch returns and names the source", async () => {
    let calls = 0;
    const source = defineSecretSource(
      async () => {
        calls++;
        return ANTHROPIC;
      },
      { name: "vault secret/ai", format: "anthropic" },
    );
    expect(source.sourceName).toBe("vault secret/ai");
    expectSecret(await source(), ANTHROPIC);
    expectSecret(await source(), ANTHROPIC);
    expect(calls).toBe(2);
  });

  it("defaults the name to the function's", () => {
    expect(defineSecretSource(async function gcpSecret() { return PLAIN; }).sourceName).toBe("gcpSecret");
  });

  it("wraps a failure: names the source, keeps a sanitised cause, masks any key in the message", async () => {
    const failing = defineSecretSource(
      async () => {
        const error = new Error(`permission denied while reading ${ANTHROPIC}`) as Error & { code: string; cause: unknown };
        error.code = "PERMISSION_DENIED";
        error.cause = new Error(OPENAI);
        throw error;
      },
      { name: "gcp projects/p/secrets/openai" },
    );
    const error = expectSafeError(await caught(() => failing()), SecretSourceError, ANTHROPIC, OPENAI);
    expect(error.message).toContain("gcp projects/p/secrets/openai: fetching the secret failed: PERMISSION_DENIED");
    expect(error.message).toContain(mask(ANTHROPIC));
  });

  it("passes a keyguard error through unchanged", async () => {
    const inner = defineSecretSource(() => secretFromEnv("NOPE", { env: {} }));
    expectSafeError(await caught(() => inner()), SecretNotFoundError);
  });

  it("checks the result: a string, non-empty, of the format", async () => {
    expectSafeError(await caught(() => defineSecretSource(async () => ({ key: PLAIN }) as unknown as string)()), SecretFormatError, PLAIN);
    expectSafeError(await caught(() => defineSecretSource(async () => "")()), SecretNotFoundError);
    expectSafeError(await caught(() => defineSecretSource(async () => OPENAI, { format: "anthropic" })()), SecretFormatError, OPENAI);
    expectSafeError(await caught(() => defineSecretSource("nope" as unknown as () => string)), SecretConfigError);
  });

  it("a synchronous throw becomes a rejected promise, not a throw at the call", async () => {
    const source = defineSecretSource(() => {
      throw new TypeError("boom");
    });
    const promise = source();
    expect(promise).toBeInstanceOf(Promise);
    expectSafeError(await caught(() => promise), SecretSourceError);
  });

  it("every error class is a SecretError and an Error", () => {
    for (const E of [SecretNotFoundError, SecretConfigError, SecretSourceError]) {
      const e = new E("src", "msg");
      expect(e).toBeInstanceOf(SecretError);
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe(E.name);
    }
  });
});
