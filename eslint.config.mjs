// ESLint flat config: typescript-eslint with type information on TypeScript, Office.js rules on the code
// that talks to Excel, plain recommended rules with Node globals on scripts and config files, and
// eslint-config-prettier last (Prettier owns formatting; `npm run lint` runs it after ESLint).
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

// The plugin's "recommended" is a whole flat config that registers its own copies of the
// typescript-eslint and prettier plugins, which would clash with ours; take only its own rules.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/"))
);

export default defineConfig([
  globalIgnores(["dist/", "node_modules/", "coverage/", ".certs/", "test-artifacts/", ".tmp/"]),

  js.configs.recommended,

  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // a switch must name every member of a union unless it says what happens to the rest (default:)
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      // custom functions report cell errors by throwing CustomFunctions.Error, which is no Error subclass
      "@typescript-eslint/only-throw-error": [
        "error",
        { allow: [{ from: "package", package: "custom-functions-runtime", name: "Error" }] },
      ],
    },
  },

  {
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeAddinsRules,
      // STYLE.md section 4: one sync per action, never one per loop turn
      "office-addins/no-context-sync-in-loop": "error",
    },
  },

  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    // runs in Internet Explorer 11 before the bundles: ES5 syntax and browser globals only
    files: ["src/taskpane/unsupported-webview.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: globals.browser },
  },

  prettier,
]);
