#!/usr/bin/env python3
"""Generate src/data/countries/countries.tsv from the npm package world-countries.

How to run (from the repository root; needs python3 >= 3.8 and npm):

    python3 src/data/build/countries.py            # fetch, check, write countries.tsv
    python3 src/data/build/countries.py --check    # exit 1 if countries.tsv is stale
    python3 src/data/build/countries.py -v         # also list what was dropped, and why
    python3 src/data/build/countries.py --tarball world-countries-5.1.0.tgz   # offline

The package is pinned to world-countries 5.1.0 and its tarball is verified
against the integrity hash below. It is fetched with `npm pack` into a
temporary directory that is removed afterwards (no node_modules anywhere);
countries.json is read straight from the tarball. Only the standard library is
used. The output is deterministic: running the script twice gives a
byte-identical file.

What it does:
  * keeps the sovereign states (`independent: true`) plus Taiwan, Kosovo and
    Palestine; dependent territories are left out;
  * `name`     <- name.common (one per code). If extra.tsv gives a `name` for a
                  code, that one wins and name.common is emitted as `country`;
  * `country`  <- name.official and the altSpellings that pass the filter below;
  * `demonym`  <- demonyms.eng.m/f, split on ", " / " or ", plus a plural made
                  by rule; a few upstream forms are dropped or re-assigned;
  * `capital`  <- capital[], minus a few (see DROP_CAPITAL);
  * accent-less variants of Latin forms (Türkiye -> Turkiye, Bogotá -> Bogota)
    unless the folded form is an English word or another place (NO_FOLD).

extra.tsv (hand-curated, same format) is read too: a row there whose
(code, form) also comes from upstream with another kind replaces the upstream
row (repeating an upstream row verbatim is an error). Any form that ends up
under two codes, or under two kinds, in the union of both files is a hard
error, as are a code with zero or several `name` rows, lowercase-initial
forms, leading determiners and an unsorted extra.tsv.
"""

import argparse
import base64
import glob
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

PACKAGE = "world-countries"
VERSION = "5.1.0"
# npm's `dist.integrity` of world-countries-5.1.0.tgz
INTEGRITY = ("sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8"
             "XuiZjVlzOH0h08ZtaO7g0w==")

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "countries"))
OUT = os.path.join(OUT_DIR, "countries.tsv")
EXTRA = os.path.join(OUT_DIR, "extra.tsv")

KINDS = ("name", "country", "demonym", "capital")
KIND_ORDER = {k: i for i, k in enumerate(KINDS)}

# Not `independent: true` upstream, but kept (Vatican City is independent there).
EXTRA_STATES = {"TW", "XK", "PS"}

# ---------------------------------------------------------------- altSpellings
# Upstream 2-4 capital-letter codes are dropped except these news abbreviations
# (the dotted ones and ROK/PRC/KSA/... come from extra.tsv).
ABBREV_KEEP = {"US", "USA", "UK", "UAE", "DRC", "DPRK"}

# altSpellings kept although they do not look like an English official name.
ALT_KEEP = {
    "Aotearoa", "Bosnia-Herzegovina", "Brunei Darussalam", "Burma",
    "Chinese Taipei", "Congo-Brazzaville", "Congo-Kinshasa", "Cote d'Ivoire",
    "Côte d'Ivoire", "DR Congo", "East Timor", "Great Britain", "Ivory Coast",
    "Macedonia", "Sao Tome and Principe", "Swaziland", "Turkiye", "Vatican",
    "Viet Nam",
}

# altSpellings dropped on purpose, with the reason (reported with -v).
ALT_DROP = {
    # a demonym, not a name of the state (kept or added as `demonym` instead)
    "Saudi": "demonym", "Thai": "demonym", "Togolese": "demonym", "Lao": "demonym",
    # an English word, or a name that denotes something else in news
    "Holland": "other referent (a region of NL)",
    "Island": "English word (IS)",
    "Timor": "other referent (the island, shared with ID)",
    "Congo": "ambiguous (CG or CD; news mostly means CD)",
    "Emirates": "other referent (the airline)",
    "Pleasant Island": "historical (NR)",
    "Maldive Islands": "archaic (MV)",
    "Rumania": "archaic spelling (RO)", "Roumania": "archaic spelling (RO)",
    "Nation of Brunei": "fragment of the official name",
    "Abode of Peace": "fragment of the official name",
    "former Yugoslav Republic of Macedonia": "lowercase (extra.tsv has it capitalised)",
    "Mexicanos": "fragment (Spanish)", "Portuguesa": "fragment (Portuguese)",
    "Prathet": "fragment (Thai)", "Zhonghua": "fragment (Chinese)",
}

# An English official-style name: only capitalised words (or of/the/and) and a
# state word. "Republic of Chile" passes, "República de Chile" does not.
STATE_WORD = re.compile(
    r"\b(Republic|Kingdom|State|States|Commonwealth|Principality|Duchy|"
    r"Sultanate|Union|Federation|Confederation)\b")
LOWER_OK = {"of", "the", "and"}

# ------------------------------------------------------------------- demonyms
# Upstream demonyms that are misspelt, ambiguous, or equal to another form.
DROP_DEMONYM = {
    "Maldivan": "misspelling (extra.tsv has Maldivian)",
    "Cape Verdian": "misspelling (extra.tsv has Cape Verdean)",
    "Djibouti": "the country name (extra.tsv has Djiboutian)",
    "Vatican": "is a `country` form of VA",
    "Central African": "also the regional adjective (Central African states)",
}
# The same demonym for two codes: keep the most common referent in news.
DEMONYM_OWNER = {
    "Congolese": "CD",   # not CG (Republic of the Congo)
    "Dominican": "DO",   # not DM (Dominica)
}
# No plural by rule: the plural is the same word, or irregular (extra.tsv).
NO_PLURAL = {"Burkinabe", "I-Kiribati", "Malagasy", "Mosotho", "Motswana",
             "Ni-Vanuatu"}
NO_PLURAL_ENDINGS = ("s", "sh", "tch", "nch", "z", "x", "ese")

# ------------------------------------------------------------------- capitals
DROP_CAPITAL = {
    ("ZA", "Bloemfontein"): "judicial capital; Pretoria is the seat of government",
    ("ZA", "Cape Town"): "legislative capital; mostly a city mention in news",
    ("SC", "Victoria"): "a personal name and several other places",
    ("BE", "Brussels"): "as a metonym it stands for the EU, not Belgium's government",
}

# Accent-less forms not generated: English words or other places.
NO_FOLD = {"Malé": "Male (English word)", "San José": "San Jose (California)"}


def die(msg):
    sys.stderr.write("countries.py: error: %s\n" % msg)
    sys.exit(1)


def fetch_tarball(tmp):
    try:
        subprocess.run(["npm", "pack", "%s@%s" % (PACKAGE, VERSION), "--silent",
                        "--ignore-scripts"],
                       cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        die("npm pack %s@%s failed: %s" % (PACKAGE, VERSION, e))
    found = glob.glob(os.path.join(tmp, "*.tgz"))
    if len(found) != 1:
        die("npm pack produced %r" % found)
    return found[0]


def load_countries(tarball):
    data = open(tarball, "rb").read()
    got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != INTEGRITY:
        die("%s: integrity %s, expected %s" % (tarball, got, INTEGRITY))
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        if meta.get("version") != VERSION:
            die("tarball is version %r, expected %s" % (meta.get("version"), VERSION))
        return json.load(tar.extractfile("package/countries.json"))


def is_latin(form):
    return all(not ch.isalpha() or unicodedata.category(ch) == "Lm"
               or "LATIN" in unicodedata.name(ch, "") for ch in form)


def fold(form):
    """Accent-less variant of a Latin form, or None if nothing to fold."""
    out = "".join(ch for ch in unicodedata.normalize("NFD", form)
                  if not unicodedata.combining(ch))
    out = unicodedata.normalize("NFC", out)
    if out == form or not out.isascii():
        return None
    return out


def looks_english_official(form):
    if not STATE_WORD.search(form):
        return False
    for word in form.split(" "):
        if word in LOWER_OK:
            continue
        if not word[:1].isupper() or not word.isascii():
            return False
    return True


def classify_alt(form):
    """Return None to keep an altSpelling, else the reason to drop it."""
    if form in ALT_DROP:
        return ALT_DROP[form]
    if re.fullmatch(r"[A-Z]{2,4}", form):
        return None if form in ABBREV_KEEP else "code"
    if not is_latin(form):
        return "non-Latin script"
    if ", " in form:
        return "ISO inverted form"
    if "(" in form:
        return "parenthesised form"
    if form in ALT_KEEP or looks_english_official(form):
        return None
    return "native-language form"


def plural(word):
    if word in NO_PLURAL or word.endswith(NO_PLURAL_ENDINGS):
        return None
    return word + "s"


def strip_determiner(form):
    for det in ("The ", "the "):
        if form.startswith(det):
            return form[len(det):]
    return form


def sort_key(row):
    return (row[0], KIND_ORDER[row[1]], row[2])


def read_extra(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            where = "%s:%d" % (os.path.basename(path), n)
            if len(parts) != 3:
                die("%s: expected 3 tab-separated columns: %r" % (where, line))
            code, kind, form = parts
            if not re.fullmatch(r"[A-Z]{2}", code):
                die("%s: bad code %r" % (where, code))
            if kind not in KIND_ORDER:
                die("%s: bad kind %r" % (where, kind))
            if not form or form != form.strip() or "  " in form:
                die("%s: bad form %r" % (where, form))
            row = (code, kind, form, where)
            if rows and sort_key(row) <= sort_key(rows[-1]):
                die("%s: %s %s %r is out of order or repeated (sort by code, "
                    "then kind: %s, then form)" % (where, code, kind, form,
                                                   ", ".join(KINDS)))
            rows.append(row)
    return rows


def generate(countries, extra, log):
    """Upstream rows as {(code, form): kind}, after filtering and fixes."""
    extra_names = {code for code, kind, _, _ in extra if kind == "name"}
    extra_forms = {(code, form): kind for code, kind, form, _ in extra}
    states = [c for c in countries
              if c.get("independent") is True or c["cca2"] in EXTRA_STATES]
    states.sort(key=lambda c: c["cca2"])

    cand = []  # (code, kind, form) in priority order: name, country, ...
    for c in states:
        code = c["cca2"]
        common = c["name"]["common"]
        cand.append((code, "country" if code in extra_names else "name", common))
        official = c["name"]["official"]
        if ", " in official or "(" in official:
            log("official", code, official, "comma or parentheses")
        else:
            cand.append((code, "country", official))
        for alt in c.get("altSpellings", []):
            alt = strip_determiner(alt)
            if alt in (common, official):
                continue
            why = classify_alt(alt)
            if why:
                log("altSpelling", code, alt, why)
                continue
            cand.append((code, "country", alt))
    for c in states:
        code = c["cca2"]
        eng = c.get("demonyms", {}).get("eng", {})
        seen = []
        for g in ("m", "f"):
            for d in re.split(r", | or ", eng.get(g) or ""):
                if d and d not in seen:
                    seen.append(d)
        for d in seen:
            if d in DROP_DEMONYM:
                log("demonym", code, d, DROP_DEMONYM[d])
                continue
            if DEMONYM_OWNER.get(d, code) != code:
                log("demonym", code, d, "kept for %s only" % DEMONYM_OWNER[d])
                continue
            cand.append((code, "demonym", d))
            p = plural(d)
            if p:
                cand.append((code, "demonym", p))
    for c in states:
        code = c["cca2"]
        for cap in c.get("capital", []):
            if (code, cap) in DROP_CAPITAL:
                log("capital", code, cap, DROP_CAPITAL[(code, cap)])
                continue
            cand.append((code, "capital", cap))

    # accent-less variants, right after their source form's kind
    withfold = []
    for code, kind, form in cand:
        withfold.append((code, kind, form))
        f = fold(form)
        if f and form in NO_FOLD:
            log("fold", code, f, NO_FOLD[form])
        elif f:
            withfold.append((code, "country" if kind == "name" else kind, f))

    rows = {}
    by_form = {}
    redundant = []
    for code, kind, form in withfold:
        if (code, form) in extra_forms:
            if extra_forms[(code, form)] == kind:
                redundant.append("%s\t%s\t%s" % (code, kind, form))
            else:
                log("override", code, form, "extra.tsv makes it `%s`, not `%s`"
                    % (extra_forms[(code, form)], kind))
            continue
        if (code, form) in rows:
            if rows[(code, form)] != kind and (rows[(code, form)], kind) != (
                    "name", "country"):
                log("duplicate", code, form, "already `%s`, not also `%s`"
                    % (rows[(code, form)], kind))
            continue
        other = by_form.setdefault(form, code)
        if other != code:
            die("upstream form %r is under %s and %s: add it to a rule in %s"
                % (form, other, code, os.path.basename(__file__)))
        rows[(code, form)] = kind
    if redundant:
        die("extra.tsv repeats generated rows; remove them:\n  "
            + "\n  ".join(redundant))
    return rows


def fold_key(form):
    return (fold(form) or form).casefold()


def check(upstream, extra):
    """Checks on the union of countries.tsv and extra.tsv; die on failure."""
    union = [(code, kind, form, "countries.tsv")
             for (code, form), kind in upstream.items()] + list(extra)
    errors = []
    seen = {}
    seen_fold = {}
    names = {}
    for code, kind, form, where in union:
        if (code, form) in seen:
            errors.append("%s: %s %r already given as %s in %s"
                          % (where, code, form, seen[(code, form)][0],
                             seen[(code, form)][1]))
        seen[(code, form)] = (kind, where)
        k = fold_key(form)
        if seen_fold.setdefault(k, (code, form, where))[0] != code:
            c2, f2, w2 = seen_fold[k]
            errors.append("%s: %r (%s) clashes with %r (%s) from %s"
                          % (where, form, code, f2, c2, w2))
        if kind == "name":
            names.setdefault(code, []).append(form)
        if not form[:1].isupper():
            errors.append("%s: %s %r is not capitalised" % (where, code, form))
        if re.match(r"(The|the|A|An) ", form) and form != "The Hague":
            errors.append("%s: %s %r starts with a determiner" % (where, code, form))
    for code in sorted({c for c, _, _, _ in union}):
        if len(names.get(code, [])) != 1:
            errors.append("%s has %d `name` rows: %r"
                          % (code, len(names.get(code, [])), names.get(code)))
    if errors:
        die("%d check(s) failed:\n  %s" % (len(errors), "\n  ".join(errors)))


HEADER = """\
# countries.tsv -- GENERATED by src/data/build/countries.py; do not edit.
# Regenerate: python3 src/data/build/countries.py
#
# Derived from world-countries {version} (npm package; mledoze/world-countries,
# https://github.com/mledoze/countries) by Mohammed Le Doze and contributors.
# This file is a derived database made available under the Open Database
# License (ODbL) 1.0: https://opendatacommons.org/licenses/odbl/1.0/
#
# Format: UTF-8, tab-separated, '#' starts a comment line.
# Columns: code<TAB>kind<TAB>form
#   code  ISO 3166-1 alpha-2
#   kind  name | country | demonym | capital
#   form  the text as written in English news
# Hand-curated additions and fixes are in extra.tsv (same format, same code
# space); a form maps to one code and one kind across both files.
"""


def render(rows):
    ordered = sorted(((code, kind, form) for (code, form), kind in rows.items()),
                     key=sort_key)
    out = [HEADER.format(version=VERSION)]
    prev = None
    for code, kind, form in ordered:
        if code != prev:
            out.append("\n")
            prev = code
        out.append("%s\t%s\t%s\n" % (code, kind, form))
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tarball", help="use this world-countries-%s.tgz "
                    "instead of running npm pack" % VERSION)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if countries.tsv would change")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="report every dropped or re-assigned upstream form")
    args = ap.parse_args()

    def log(what, code, form, why):
        if args.verbose:
            sys.stderr.write("%-11s %s %-45s %s\n" % (what, code, form, why))

    if args.tarball:
        countries = load_countries(args.tarball)
    else:
        with tempfile.TemporaryDirectory(prefix="world-countries-") as tmp:
            countries = load_countries(fetch_tarball(tmp))

    extra = read_extra(EXTRA)
    rows = generate(countries, extra, log)
    check(rows, extra)
    text = render(rows)

    old = None
    if os.path.exists(OUT):
        with open(OUT, encoding="utf-8", newline="") as f:
            old = f.read()
    if args.check:
        if old != text:
            die("%s is out of date; run %s" % (OUT, sys.argv[0]))
        return
    if old != text:
        with open(OUT, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    counts = {}
    for kind in rows.values():
        counts[kind] = counts.get(kind, 0) + 1
    sys.stderr.write("%s: %d rows (%s), %d codes\n" % (
        os.path.relpath(OUT), len(rows),
        ", ".join("%s %d" % (k, counts.get(k, 0)) for k in KINDS),
        len({code for code, _ in rows})))


if __name__ == "__main__":
    main()
