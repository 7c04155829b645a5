#!/usr/bin/env bash
# Browser test of Swagger UI: headless Chromium (Debian's package) driven by playwright-core
# authorizes with the OAuth2 client-credentials flow and runs "Try it out" on create session
# and status (e2e/swagger-ui.test.mjs). The service must already run at BASE_URL in its local
# development mode (./mvnw spring-boot:test-run), whose client ekyc-admin-cli it uses.
#
#   BASE_URL=http://localhost:8080 .ci/browser.sh
#
# Exits non-zero when a test fails. Screenshot: e2e/out/swagger.png.
set -euo pipefail
cd "$(dirname "$0")/.."

export BASE_URL="${BASE_URL:-http://localhost:8080}"
# shellcheck source=.ci/lib.sh
source .ci/lib.sh
# Debian's chromium, else a Chrome that is there already (GitHub's runners have one).
if [ -z "${CHROMIUM:-}" ]; then
  for candidate in /usr/bin/chromium /usr/bin/google-chrome /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then
      CHROMIUM=$candidate
      break
    fi
  done
fi
if [ -z "${CHROMIUM:-}" ]; then
  echo "Installing chromium (apt-get, as root)"
  apt_install chromium
  CHROMIUM=/usr/bin/chromium
fi
export CHROMIUM
"$CHROMIUM" --version 2>/dev/null || true

if ! command -v node >/dev/null 2>&1; then
  echo "node (20 or newer) is needed" >&2
  exit 1
fi

# Install the locked dependencies unless the locked playwright-core is installed already.
locked=$(node -p "require('./e2e/package-lock.json').packages['node_modules/playwright-core'].version")
installed=$(node -p "require('./e2e/node_modules/playwright-core/package.json').version" 2>/dev/null || true)
if [ "$locked" != "$installed" ]; then
  npm ci --prefix e2e --no-audit --no-fund
fi

if ! curl -fsS -o /dev/null --max-time 10 "$BASE_URL/readyz"; then
  echo "The service does not answer at $BASE_URL/readyz" >&2
  exit 1
fi

echo "Testing Swagger UI at $BASE_URL"
cd e2e
node --test --test-reporter=spec swagger-ui.test.mjs
