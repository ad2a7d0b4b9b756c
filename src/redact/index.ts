/**
 * `keyguard/redact`: masks keys on their way into logs. A `SecretString` is a plain string at run
 * time, so `console.log(secret)` prints it; the lint rule catches the calls it can see, and this
 * redactor catches what reaches a logger anyway: every key the detector recognises, and every value
 * keyguard's loaders produced in this process, in strings and in nested objects.
 */
export { createRedactor, redact, redactText } from "./redactor.js";
export type { Redactor, RedactorOptions } from "./redactor.js";
export { pinoRedaction, winstonRedaction } from "./integrations.js";
export type { PinoRedaction, WinstonRedaction } from "./integrations.js";
export { mask } from "../detect/mask.js";
