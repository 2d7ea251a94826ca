#!/usr/bin/env python3
"""Sanity checks for src/data/organizations.tsv and src/data/agreements.tsv.

Usage: python3 src/data/build/check_orgs.py   (from the repository root or anywhere)

Checks: column counts, kinds, country codes (shape only), no form (name or alias)
used twice across both files, no leading determiner, no trailing possessive,
no empty aliases or stray whitespace.  Prints row counts per kind and, as
warnings only, forms that collide case-insensitively across different rows.
Exits non-zero on any error.
"""
import collections
import pathlib
import re
import sys

DATA = pathlib.Path(__file__).resolve().parent.parent
KINDS = {
    "igo", "igo-body", "court", "grouping", "government", "seat", "party",
    "armed", "breakaway", "company", "media", "ngo",
}
# Kinds whose rows must not carry a country (international by definition).
NO_COUNTRY = {"igo", "igo-body", "grouping"}


def rows(path, ncols):
    errors = []
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        where = f"{path.name}:{lineno}"
        if len(cols) != ncols:
            errors.append(f"{where}: {len(cols)} columns, want {ncols}: {line!r}")
            continue
        out.append((where, cols))
    return out, errors


def forms_of(name, aliases):
    forms = [name]
    if aliases:
        forms += aliases.split("|")
    return forms


def main():
    errors = []
    kinds = collections.Counter()
    seen = {}  # form -> where
    lower = collections.defaultdict(set)  # lowercased form -> set of row ids

    orgs, e = rows(DATA / "organizations.tsv", 4)
    errors += e
    agrs, e = rows(DATA / "agreements.tsv", 2)
    errors += e

    entries = []
    for where, (name, kind, country, aliases) in orgs:
        kinds[kind] += 1
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
        if country and not re.fullmatch(r"[A-Z]{2}", country):
            errors.append(f"{where}: bad country code {country!r}")
        if country and kind in NO_COUNTRY:
            errors.append(f"{where}: kind {kind} should have no country")
        entries.append((where, name, aliases))
    for where, (name, aliases) in agrs:
        kinds["agreement"] += 1
        entries.append((where, name, aliases))

    for where, name, aliases in entries:
        for form in forms_of(name, aliases):
            if not form or form != form.strip() or "  " in form:
                errors.append(f"{where}: empty or badly spaced form {form!r}")
                continue
            if re.match(r"(?i)the\s", form):
                errors.append(f"{where}: form starts with a determiner: {form!r}")
            if form.endswith("'s") or form.endswith("\u2019s"):
                errors.append(f"{where}: form ends with a possessive: {form!r}")
            if form in seen:
                errors.append(f"{where}: form {form!r} already used at {seen[form]}")
            else:
                seen[form] = where
            lower[form.lower()].add(where)

    for form, wheres in sorted(lower.items()):
        if len(wheres) > 1:
            print(f"warning: case-insensitive collision {form!r}: {sorted(wheres)}")

    for kind, n in sorted(kinds.items()):
        print(f"{kind:12} {n}")
    print(f"{'forms':12} {len(seen)}")
    for err in errors:
        print("error:", err, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
