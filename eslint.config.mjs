// Lints the page's scripts (awskg/exports/templates/*.js). The template inlines them, in
// order, into one block, so names one file declares are used by the files after it:
// no-undef is off and the vis-network and browser globals are known.
export default [
  {
    files: ["awskg/exports/templates/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { vars: "local", args: "none", caughtErrors: "none" }],
      "no-redeclare": "error",
      "no-dupe-keys": "error",
      "no-unreachable": "error",
      "no-empty": ["error", { allowEmptyCatch: true }],
      eqeqeq: "error",
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-shadow": "error",
      "no-use-before-define": ["error", { functions: false, classes: true, variables: false }],
    },
  },
];
