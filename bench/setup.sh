#!/bin/sh
# Installs the independent references of the benchmark suite (bench/suite.bench.ts) from Debian
# packages: CBC (coinor-cbc), GLPK (glpk-utils) and scipy (python3-scipy). The suite runs without
# them, skipping each missing reference with a message.
set -e
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO apt-get install -y coinor-cbc glpk-utils python3-scipy
cbc -quit >/dev/null && echo "CBC: $(command -v cbc)"
python3 -c "import scipy; print('scipy', scipy.__version__)"
