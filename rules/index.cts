// The plugin for CommonJS: `require("eslint-plugin-keyguard")` (in an `eslint.config.cjs`) returns
// the plugin itself, the same object `import` gives (Node's require(esm) shares the module).
import plugin = require("./index.js");

export = plugin.default;
