// `import keyguard from "keyguard"`: the ESLint plugin of eslint-plugin-keyguard (see eslint-plugin.cjs).
import plugin from "./eslint-plugin.cjs";

export default plugin;
