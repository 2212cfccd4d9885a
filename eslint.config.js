// ESLint flat config: typescript-eslint, React hooks and jsx-a11y, plus the layering rule that
// keeps app/domain pure (no server modules, no app/utils, no emails/, no search/).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "build/",
      "build-*/",
      "prisma/generated/",
      "tests/.e2e/",
      "tests/.db/",
      "test-results/",
      "playwright-report/",
      "public/",
      "data/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["app/**/*.tsx", "app/**/*.ts"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // app/domain is pure TypeScript: no I/O, nothing server-only, no infrastructure.
    files: ["app/domain/**/*.ts", "app/domain/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.server", "**/*.server.ts", "**/*.server.tsx"],
              message: "app/domain stays pure: no *.server modules.",
            },
            { group: ["~/utils/*", "**/utils/*"], message: "app/domain stays pure: no app/utils." },
            { group: ["**/emails/*", "**/emails"], message: "app/domain stays pure: no emails/." },
            { group: ["**/search/*", "**/search"], message: "app/domain stays pure: no search/." },
            {
              group: ["node:*", "fs", "path", "crypto", "child_process", "net", "http"],
              message: "app/domain stays pure: no I/O.",
            },
          ],
        },
      ],
    },
  },
  prettier,
);
