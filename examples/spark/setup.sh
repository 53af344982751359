#!/usr/bin/env bash
# Make the Python environment of the PySpark example: target/spark-venv with pyspark.
# Never fails: when Java, Python or the package index is missing it says why and exits 0, and
# tests/spark.rs then skips with the same reason.
set -uo pipefail
cd "$(dirname "$0")/../.."
venv=target/spark-venv

skip() {
    echo "spark example: skipped: $*"
    exit 0
}

command -v java >/dev/null 2>&1 || skip "no java on PATH (Spark needs Java 17 or newer)"
command -v python3 >/dev/null 2>&1 || skip "no python3 on PATH"
if "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
    echo "spark example: $venv ready ($("$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'))"
    exit 0
fi
python3 -m venv "$venv" >/dev/null 2>&1 || skip "python3 -m venv failed (install python3-venv)"
if ! log=$("$venv/bin/pip" install -q -r examples/spark/requirements.txt 2>&1); then
    skip "pip could not install pyspark: $(echo "$log" | tail -1)"
fi
echo "spark example: $venv ready ($("$venv/bin/python" -c 'import pyspark; print("pyspark", pyspark.__version__)'))"
