#!/usr/bin/env bash
# Executes examples/notebook.ipynb with the TypeScript kernel of tslab (npm)
# under Jupyter's nbconvert and nbclient (Debian), from the built package
# (run `npm run build` first), and fails if a cell fails or shows nothing.
# Installs what is missing: the Debian packages (root or sudo), tslab in a
# cache folder of its own (kept out of the project: its TypeScript fork would
# shadow the project's `tsc`), the kernel spec.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v jupyter-nbconvert >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import nbclient' >/dev/null 2>&1; then
  SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    jupyter-nbconvert python3-nbclient python3-ipykernel >/dev/null
fi
TSLAB_VERSION=1.0.22
tslab_dir="${XDG_CACHE_HOME:-$HOME/.cache}/banzi-notebook/tslab-$TSLAB_VERSION"
if [ ! -x "$tslab_dir/node_modules/.bin/tslab" ]; then
  mkdir -p "$tslab_dir"
  npm install --prefix "$tslab_dir" --no-save --no-audit --no-fund "tslab@$TSLAB_VERSION" >/dev/null
fi
# The kernel spec where this Jupyter looks for it.
if [ "$(id -u)" -eq 0 ]; then
  "$tslab_dir/node_modules/.bin/tslab" install --python=/usr/bin/python3 >/dev/null
else
  "$tslab_dir/node_modules/.bin/tslab" install --python=/usr/bin/python3 --user >/dev/null
fi

out=$(mktemp -d)
PATH="$tslab_dir/node_modules/.bin:$PATH" jupyter nbconvert --to notebook --execute examples/notebook.ipynb \
  --output-dir "$out" --ExecutePreprocessor.timeout=300
/usr/bin/python3 - "$out/notebook.ipynb" <<'PY'
import json, sys
nb = json.load(open(sys.argv[1]))
code = [c for c in nb["cells"] if c["cell_type"] == "code"]
bad = [i for i, c in enumerate(code) if not c["outputs"] or any(o["output_type"] == "error" for o in c["outputs"])]
html = sum(1 for c in code for o in c["outputs"] if "text/html" in o.get("data", {}))
if bad or html < 2:
    sys.exit(f"notebook: cells {bad} failed or showed nothing; {html} HTML outputs (expected 2)")
print(f"notebook: {len(code)} code cells executed, {html} HTML outputs (a chart, a table)")
PY
