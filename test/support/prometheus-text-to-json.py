"""Reads Prometheus' text format on stdin with the Prometheus project's own parser; prints its families as JSON.

Values go out as text (Python's repr), since JSON has no +Inf or NaN. A malformed line fails with the parser's error.
"""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

families = [
    {
        "name": family.name,
        "type": family.type,
        "samples": [{"name": sample.name, "labels": sample.labels, "value": repr(float(sample.value))} for sample in family.samples],
    }
    for family in text_string_to_metric_families(sys.stdin.read())
]
json.dump(families, sys.stdout)
