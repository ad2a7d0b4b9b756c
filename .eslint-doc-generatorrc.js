/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ["recommended", "✅"],
    ["strict", "🔒"],
    ["recommended-type-checked", "☑️"],
  ],
  ignoreConfig: ["all", "disable-type-checked"],
  ruleDocTitleFormat: "prefix-name",
  ruleListColumns: ["name", "description", "configsError", "hasSuggestions", "requiresTypeChecking", "options"],
  ruleDocSectionInclude: ["Why", "Examples", "When not to use it"],
  urlConfigs: "https://github.com/keyguard-dev/keyguard#configs",
};
