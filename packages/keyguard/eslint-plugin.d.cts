import plugin = require("eslint-plugin-keyguard");
export = plugin;
