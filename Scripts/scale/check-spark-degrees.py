"""Loads StakeMap's GraphFrames export into Spark DataFrames (local mode) and checks every
actor's degree against `stakemap analyze --format json` (called by check-spark-degrees.sh).

Degree as StakeMap counts it (README "What the numbers mean"): distinct neighbours over ties of
status `existing`, direction ignored, a pair with several relations counted once, no self-ties.
`analyze` prints it normalised, so degree = value × (n − 1).

Usage: python3 check-spark-degrees.py VERTICES.csv EDGES.csv ANALYZE.json
"""
import json
import sys

from pyspark.sql import SparkSession, functions as F

vertices_path, edges_path, analyze_path = sys.argv[1:4]
spark = (
    SparkSession.builder.master("local[2]").appName("stakemap-degrees")
    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
# RFC 4180 as StakeMap writes it: quotes doubled, line breaks inside quoted cells.
options = {"header": True, "multiLine": True, "quote": '"', "escape": '"'}
vertices = spark.read.options(**options).csv(vertices_path)
edges = spark.read.options(**options).csv(edges_path)


def unneutralised(column):
    """StakeMap prefixes a cell that starts with = + - @ with an apostrophe (CSV injection)."""
    return F.regexp_replace(F.col(column), r"^'(?=[=+\-@])", "")


vertices = vertices.withColumn("id", unneutralised("id"))
edges = edges.withColumn("src", unneutralised("src")).withColumn("dst", unneutralised("dst"))
ties = (
    edges.where((F.col("status") == "existing") & (F.col("src") != F.col("dst")))
    .select(F.least("src", "dst").alias("a"), F.greatest("src", "dst").alias("b"))
    .distinct()
)
ends = ties.select(F.col("a").alias("id")).union(ties.select(F.col("b").alias("id")))
degrees = vertices.select("id").join(ends.groupBy("id").count(), "id", "left").fillna(0, ["count"])
spark_degree = {row["id"]: row["count"] for row in degrees.collect()}
spark.stop()

actors = json.load(open(analyze_path, encoding="utf-8"))["actors"]
n = len(actors)
wrong = []
for actor in actors:
    expected = round(actor["degree"] * (n - 1)) if n > 1 else 0
    got = spark_degree.get(actor["id"])
    if got != expected:
        wrong.append(f"{actor['id']}: Spark {got}, StakeMap {expected}")
if len(spark_degree) != n:
    wrong.append(f"Spark read {len(spark_degree)} vertices, StakeMap has {n} actors")
if wrong:
    print("check-spark-degrees: degrees differ:\n  " + "\n  ".join(wrong[:20]))
    sys.exit(1)
print(f"check-spark-degrees: every actor's degree equals StakeMap's ({n} actors, Spark local mode)")
