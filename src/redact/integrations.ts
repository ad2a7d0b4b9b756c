import { defaultRedactorInstance, namesOnly, type Redactor } from "./redactor.js";

// The shapes pino and winston call are typed loosely (`any`), so that both packages' own option types accept them.

/** The pino options that redact every log line: spread them into `pino({ ... })`. */
export interface PinoRedaction {
  readonly hooks: {
    /** Finds prefix-less keys, by the name that holds them, in the values interpolated into the message (`%o`, `%j`). */
    logMethod(this: any, args: any[], method: (...args: any[]) => any, level: number): any;
    /** Redacts the finished line as text: every key the detector finds and every loaded value, wherever it came from. */
    streamWrite(line: string): string;
  };
  readonly formatters: {
    /** Finds prefix-less keys, by the name that holds them, in the object of each line (the merging object, `mixin`'s, an error). */
    log(object: Record<string, unknown>): Record<string, unknown>;
    /** The same for the bindings of child loggers (`logger.child({ ... })`). */
    bindings(bindings: Record<string, unknown>): Record<string, unknown>;
  };
}

/**
 * Options for pino (v7 and later) that mask every key in everything a logger writes:
 * `pino({ ...pinoRedaction(), level: "info" }, destination)`.
 *
 * The finished JSON line is redacted as text (`hooks.streamWrite`): that one scan sees everything
 * the line holds, the message, the merging object, `mixin`, `base`, child bindings and what
 * serializers made of them, and it masks every key of a known format and every value loaded
 * through keyguard, also where JSON escaped it once or twice. What text cannot show is handled on
 * the values before pino serialises them, without copying anything that holds no key: a key without
 * a prefix (`{ mistralApiKey }`) is found by the name of its property (`formatters.log`,
 * `formatters.bindings`, and `hooks.logMethod` for the values interpolated into the message), and
 * the bytes of a Buffer, which JSON writes as numbers, are masked. If you set `hooks`,
 * `formatters.log` or `formatters.bindings` yourself, call these from yours.
 */
export function pinoRedaction(redactor: Redactor = defaultRedactorInstance()): PinoRedaction {
  // A redactor that createRedactor did not build has only `value`: the whole walk, which also works.
  const walk = namesOnly(redactor) ?? ((value) => redactor.value(value));
  return {
    hooks: {
      logMethod(args, method) {
        // pino's log methods take (object?, message?, ...values): the object reaches formatters.log,
        // and a string gains nothing from the names-only walk.
        for (let i = 1; i < args.length; i++) if (typeof args[i] === "object" && args[i] !== null) args[i] = walk(args[i]);
        return method.apply(this, args);
      },
      streamWrite: (line) => redactor.text(line),
    },
    formatters: {
      log: (object) => walk(object),
      bindings: (bindings) => walk(bindings),
    },
  };
}

/** A winston (logform) format: an object with `transform`. */
export interface WinstonRedaction {
  transform(info: any, options?: unknown): any;
}

/**
 * A winston format that masks every key in a log entry: its message, its metadata at any depth,
 * the splat arguments and, when it runs after `format.json()` or `format.printf()`, the finished
 * line. Put it first so later formats see redacted data, and last too if a later format adds text:
 * `format.combine(winstonRedaction(), format.json())`. An entry that holds a key is replaced by a
 * redacted copy, one without is passed on as it is; the objects you logged are not changed.
 */
export function winstonRedaction(redactor: Redactor = defaultRedactorInstance()): WinstonRedaction {
  return { transform: (info) => redactor.value(info) };
}
