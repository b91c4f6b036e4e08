#!/usr/bin/env python3
"""Merge tab-separated "English<TAB>中文" lines from stdin into sanshu_app/translations/zh.csv, sorted.

An existing entry is kept: a line that would change it is listed on stderr and skipped, because one
English text serves every place it appears (a button, a column, a state). ``--replace`` changes it.
The file stays a valid Frappe translation CSV.
"""

import csv
import sys
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "sanshu_app" / "translations" / "zh.csv"


def main():
	entries = {}
	if PATH.exists():
		with PATH.open(newline="") as fh:
			entries = {row[0]: row[1] for row in csv.reader(fh) if len(row) >= 2}
	replace = "--replace" in sys.argv[1:]
	for line in sys.stdin.read().splitlines():
		if "\t" in line:
			source, target = line.split("\t", 1)
			if source in entries and entries[source] != target and not replace:
				print(f"kept {source!r}: {entries[source]!r} (not {target!r}; --replace to change it)", file=sys.stderr)
				continue
			entries[source] = target
	with PATH.open("w", newline="") as fh:
		writer = csv.writer(fh, lineterminator="\n")
		for source in sorted(entries):
			writer.writerow([source, entries[source]])


if __name__ == "__main__":
	main()
