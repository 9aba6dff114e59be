#!/usr/bin/env bash
# Installs the tools the test suites need. Idempotent: anything already
# present is skipped, so a second run takes a second.
set -euo pipefail

py_missing=()
for module in jwcrypto phonenumbers tree_sitter tree_sitter_swift; do
  python3 -c "import $module" 2>/dev/null || py_missing+=("$module")
done
if [ ${#py_missing[@]} -gt 0 ]; then
  echo "pip: installing jwcrypto phonenumbers tree-sitter tree-sitter-swift"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    "jwcrypto>=1.5" "phonenumbers>=9" "tree-sitter>=0.23" "tree-sitter-swift>=0.7"
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    rustup component add "$component"
  fi
done
echo "setup: python and rust tools present"
