/**
 * Property tests draw new inputs on every local run, so that each run explores more cases (a
 * failure prints its seed and counterexample). CI (`CI=true`, as `.ci/run` is started) runs them
 * with one fixed seed, so that a landing is judged on a reproducible run; `FC_SEED` picks another.
 */
import fc from "fast-check";

if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261202) });
