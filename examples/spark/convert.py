"""Convert a folder of archived documents with vanban on Spark, in local mode or on a cluster.

    python examples/spark/convert.py --vanban target/release/vanban IN_DIR OUT_DIR
    spark-submit --master yarn examples/spark/convert.py --vanban ./vanban hdfs:///in hdfs:///out

Every `.txt`/`.md`/`.doc`/`.docx`/`.pdf` file below IN_DIR (the files a folder gives the CLI)
is read as bytes (`binaryFiles`, so that TCVN3, VNI and other legacy encodings, and Word and PDF
files, reach vanban untouched) and sent to `vanban stream` as one JSONL record,
{"id": path, "bytes_b64": ...}. Each partition runs one `vanban stream --jobs 1` process (Spark
already runs one task per core) and reads back one result per record, in order. The results
are written to OUT_DIR as Parquet (default) or JSONL, one row per file:

    id, status, error, errors, warnings, infos, kind, document (the document's JSON as text)

The binary is shipped to the executors with `SparkContext.addFile` (what `--files` does), and
each task finds its copy with `SparkFiles.get`: nothing has to be installed on the workers.
When vanban is on every worker's PATH already, `rdd.pipe("vanban stream --jobs 1")` is the same
step in one line.
"""

import argparse
import base64
import json
import os
import shutil
import stat
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql.types import LongType, StringType, StructField, StructType

SCHEMA = StructType(
    [
        StructField("id", StringType(), False),
        StructField("status", StringType(), False),
        StructField("error", StringType(), True),
        StructField("errors", LongType(), False),
        StructField("warnings", LongType(), False),
        StructField("infos", LongType(), False),
        StructField("kind", StringType(), True),
        StructField("document", StringType(), True),
    ]
)

# the extensions of the files the CLI takes from a folder (src/cli/walk.rs, default features)
EXTENSIONS = (".txt", ".md", ".doc", ".docx", ".pdf")


def records(pairs):
    """(path, bytes) pairs as `vanban stream` records, one JSON line each."""
    for path, content in pairs:
        rec = {"id": path, "bytes_b64": base64.b64encode(content).decode("ascii")}
        yield (json.dumps(rec) + "\n").encode("utf-8")


def stream(binary_name):
    """A mapPartitions function: the partition's records through one `vanban stream`."""

    def run(pairs):
        binary = SparkFiles.get(binary_name)
        mode = os.stat(binary).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(binary, mode | stat.S_IXUSR)
        proc = subprocess.Popen(
            [binary, "stream", "--jobs", "1"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )

        # records are written by a thread while results are read, as RDD.pipe does: a
        # partition larger than the pipe's buffer would otherwise deadlock
        def feed():
            try:
                for line in records(pairs):
                    proc.stdin.write(line)
            finally:
                proc.stdin.close()

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        for line in proc.stdout:
            yield line.decode("utf-8").rstrip("\n")
        writer.join()
        if proc.wait() != 0:
            raise RuntimeError(f"vanban stream exited with status {proc.returncode}")

    return run


def to_row(line):
    r = json.loads(line)
    doc = r["document"]
    d = r["diagnostics"]
    return (
        r["id"],
        r["status"],
        r["error"],
        d["error"],
        d["warning"],
        d["info"],
        doc["kind"] if doc else None,
        json.dumps(doc, ensure_ascii=False) if doc else None,
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="folder of .txt/.md/.doc/.docx/.pdf documents (any Hadoop file system)")
    ap.add_argument("output", help="folder to write (replaced)")
    ap.add_argument("--vanban", default="vanban", help="the vanban binary to ship")
    ap.add_argument("--format", choices=["parquet", "jsonl"], default="parquet")
    ap.add_argument("--master", default=None, help="e.g. local[2]; spark-submit sets it")
    ap.add_argument("--partitions", type=int, default=None)
    args = ap.parse_args()

    builder = (
        SparkSession.builder.appName("vanban-convert")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true")
    )
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    binary = args.vanban if os.path.exists(args.vanban) else shutil.which(args.vanban)
    if binary is None:
        ap.error(f"no vanban binary at {args.vanban} (build it: cargo build --release)")
    sc.addFile(os.path.abspath(binary))
    name = os.path.basename(binary)

    # every file of the kinds the CLI takes from a folder, at any depth, in any case (.TXT,
    # .Md, .DOCX); the binaryFile data source would drop empty files, which vanban must report
    files = sc.binaryFiles(args.input, minPartitions=args.partitions).filter(
        lambda kv: kv[0].lower().endswith(EXTENSIONS)
    )
    # kept: written once, then counted without converting again
    results = files.mapPartitions(stream(name)).cache()
    if args.format == "jsonl":
        lines = spark.createDataFrame(results.map(lambda line: (line,)), "value string")
        lines.write.mode("overwrite").text(args.output)
    else:
        spark.createDataFrame(results.map(to_row), SCHEMA).write.mode("overwrite").parquet(args.output)
    counts = results.map(lambda line: json.loads(line)["status"]).countByValue()
    print("vanban-convert:", ", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
    spark.stop()


if __name__ == "__main__":
    main()
