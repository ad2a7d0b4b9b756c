export { default } from "eslint-plugin-keyguard";
