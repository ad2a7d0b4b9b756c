// The secret forms of a public-by-design client's keys (Supabase's), told apart by value and by name.
import { describe, expect, it } from "vitest";
import { CLIENTS, isSecretKeyValue, namesSecretKey, type SecretKeyForms } from "../../src/clients/catalog.js";
import { fakeKey, j, supabaseJwt } from "../helpers/keys.js";

const supabase = CLIENTS.find((c) => c.id === "supabase")?.secretKeys as SecretKeyForms;
const b64url = (text: string) => Buffer.from(text).toString("base64url");

describe("isSecretKeyValue", () => {
  it("is true for a secret key and a service_role JWT", () => {
    expect(isSecretKeyValue(supabase, fakeKey("supabase-secret", 5))).toBe(true);
    expect(isSecretKeyValue(supabase, supabaseJwt("service_role", 5))).toBe(true);
  });

  it("is false for the public keys and for what is no JWT of a secret role", () => {
    expect(isSecretKeyValue(supabase, supabaseJwt("anon", 5))).toBe(false);
    expect(isSecretKeyValue(supabase, j("sb_", "publishable_", "Xy12".repeat(8)))).toBe(false);
    expect(isSecretKeyValue(supabase, j("sb_", "secret_"))).toBe(false); // a bare prefix
    expect(isSecretKeyValue(supabase, j(b64url("{}"), ".", b64url('"service_role"'), ".sig"))).toBe(false); // claims that are no object
    expect(isSecretKeyValue(supabase, j(b64url("{}"), ".", b64url('{"role":["service_role"]}'), ".sig"))).toBe(false);
    expect(isSecretKeyValue(supabase, j(b64url("{}"), ".", "not+base64url", ".sig"))).toBe(false);
    expect(isSecretKeyValue(supabase, j(b64url("{}"), ".", b64url("{broken"), ".sig"))).toBe(false);
    expect(isSecretKeyValue(supabase, j(b64url("{}"), ".", b64url('{"role":"service_role"}')))).toBe(false); // two parts
  });

  it("reads no claims of a hostile long value", () => {
    const long = j(b64url("{}"), ".", b64url(`{"role":"service_role","pad":"${"a".repeat(5000)}"}`), ".sig");
    expect(isSecretKeyValue(supabase, long)).toBe(false);
  });
});

describe("namesSecretKey", () => {
  it.each([
    ["serviceRoleKey", true],
    ["SUPABASE_SERVICE_ROLE_KEY", true],
    ["service-key", true],
    ["supabaseSecretKey", true],
    ["supabaseKey", false],
    ["anonKey", false],
    ["SUPABASE_PUBLISHABLE_KEY", false],
  ])("%s → %s", (name, expected) => {
    expect(namesSecretKey(supabase, name)).toBe(expected);
  });
});
