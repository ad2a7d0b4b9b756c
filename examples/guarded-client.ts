// The README's type-guard example, type-checked by `npm run typecheck` so that it stays true.
import OpenAI from "openai";
import { guardClient, rotatingSecret, secretFromEnv } from "keyguard/secret";

const GuardedOpenAI = guardClient(OpenAI); // the same class at run time; `apiKey` typed SecretString

export const client = new GuardedOpenAI({ apiKey: secretFromEnv("OPENAI_API_KEY", { format: "openai-project" }) });

// Rotation without redeploys: the SDK asks for the key on each request.
const key = rotatingSecret(() => secretFromEnv("OPENAI_API_KEY"), { maxAgeMs: 5 * 60_000 });
export const rotating = new GuardedOpenAI({ apiKey: key.provider() });

// @ts-expect-error a plain string is not a SecretString
export const rejected = new GuardedOpenAI({ apiKey: process.env.OPENAI_API_KEY });
