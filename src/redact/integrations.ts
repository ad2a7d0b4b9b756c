import { defaultRedactorInstance, type Redactor } from "./redactor.js";

// The shapes pino and winston call are typed loosely (`any`), so that both packages' own option types accept them.


/** The pino options that redact every log line: spread them into `pino({ ... })`. */
export interface PinoRedaction {
  readonly hooks: {
    /** Redacts the arguments of every log call (the merging object, the message, its interpolation values). */
    logMethod(this: any, args: any[], method: (...args: any[]) => any, level: number): any;
    /** The last net: redacts the finished line (serializers, `mixin`, `base`), as text. */
    streamWrite(line: string): string;
  };
  readonly formatters: {
    /** Redacts the bindings of child loggers (`logger.child({ ... })`). */
    bindings(bindings: Record<string, unknown>): Record<string, unknown>;
  };
}

/**
 * Options for pino (v7 and later) that mask every key in everything a logger writes:
 * `pino({ ...pinoRedaction(), level: "info" }, destination)`. The arguments of each call are
 * redacted as values (so a prefix-less key is also found by the property name that holds it), and
 * the finished JSON line as text. If you set `hooks` or `formatters.bindings` yourself, call these
 * from yours.
 */
export function pinoRedaction(redactor: Redactor = defaultRedactorInstance()): PinoRedaction {
  return {
    hooks: {
      logMethod(args, method) {
        return method.apply(this, args.map((a) => redactor.value(a)));
      },
      streamWrite: (line) => redactor.text(line),
    },
    formatters: {
      bindings: (bindings) => redactor.value(bindings),
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
 * `format.combine(winstonRedaction(), format.json())`. The entry is replaced by a redacted copy;
 * the objects you logged are not changed.
 */
export function winstonRedaction(redactor: Redactor = defaultRedactorInstance()): WinstonRedaction {
  return { transform: (info) => redactor.value(info) };
}
