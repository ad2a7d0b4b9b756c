"use strict";
// `require("keyguard")` and `import keyguard from "keyguard"` give the ESLint plugin, which is the
// package eslint-plugin-keyguard: this entry hands it over when it is installed, and says what to
// install when it is not. keyguard itself is the runtime (keyguard/secret, keyguard/detect, ...).
let plugin;
try {
  plugin = require("eslint-plugin-keyguard");
} catch (error) {
  if (error?.code === "MODULE_NOT_FOUND" && String(error.message).includes("'eslint-plugin-keyguard'")) {
    throw new Error(
      'keyguard: the ESLint plugin is the package eslint-plugin-keyguard, which is not installed. Run `npm install --save-dev eslint-plugin-keyguard eslint` (and import it as `import keyguard from "eslint-plugin-keyguard"`). The keyguard package itself holds the runtime: keyguard/secret, keyguard/detect.',
      { cause: error },
    );
  }
  throw error;
}
module.exports = plugin;
