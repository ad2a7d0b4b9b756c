// Shard 2 of the SDK-sources checks: see tests/bench/sdk-sources.ts.
import { describeShard } from "./sdk-sources.js";

describeShard(2);
