/**
 * Dependencies point inwards (see README, "How the code is arranged").
 * `npm test` runs this, so a wrong-way import fails the build.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-of-ours',
      comment: 'src/domain holds the pathway rules and may import only itself and packages.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'bot-and-tab-are-separate',
      comment: 'The bot and the tab never import each other; they share the domain and the server API.',
      severity: 'error',
      from: { path: '^src/(bot|tab)/' },
      to: { path: '^src/(bot|tab)/', pathNot: '^src/$1/' },
    },
    {
      name: 'tab-talks-to-the-api-only',
      comment:
        'The tab runs in the browser and reaches the server through its JSON API only, as the API contract (src/contract) declares it.',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: '^src/', pathNot: '^src/(tab|contract)/' },
    },
    {
      name: 'contract-is-types-of-the-domain',
      comment: 'The API contract declares routes and takes its types from the domain; it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { path: '^src/', pathNot: '^src/(contract|domain)/' },
    },
    {
      name: 'contract-runs-nothing-of-the-domain',
      comment: 'The tab loads the contract in the browser: from the domain (and packages such as zod) it takes types only, never code.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: '^src/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'plain-contract-imports-nothing',
      comment:
        'The SharePoint web part compiles a copy of src/contract/plain (spfx/config/heft.json) with its own packages and none of our other files, so what is there imports only its neighbours.',
      severity: 'error',
      from: { path: '^src/contract/plain/' },
      to: { pathNot: '^src/contract/plain/' },
    },
    {
      name: 'adapters-chosen-in-the-composition-root',
      comment: 'Only the entry points (src/entry) choose a store adapter.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(store|entry)/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-the-bot-framework-edge-imports-botbuilder',
      comment:
        'Bot Framework packages (botbuilder, botbuilder-*, botframework-*) are imported only in src/bot/bot-framework, so a move to another bot SDK touches one folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/bot/bot-framework/' },
      // node_modules anywhere in the resolved path (a worktree may link another checkout's), or the bare name when unresolved.
      to: { path: '(^|/)node_modules/(botbuilder|botframework-)|^(botbuilder|botframework-)' },
    },
    {
      name: 'bot-never-imports-server',
      comment:
        'The server hosts the bot; the bot never reaches up into the HTTP app (what both need, such as the logger, lives below them).',
      severity: 'error',
      from: { path: '^src/bot/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'store-never-imports-config',
      comment: 'A store adapter declares the settings it needs; the entry point passes them from the configuration.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/config/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
