const react = require('@microsoft/eslint-config-spfx/lib/flat-profiles/react');

module.exports = [
  ...react,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { tsconfigRootDir: __dirname } },
    // The app's API answers null for what is absent (src/contract/api.ts); the web part keeps its words.
    rules: { '@rushstack/no-new-null': 'off' },
  },
];
