#!/usr/bin/env python3
"""Regenerate the census part of src/data/given_names.txt and src/data/surnames.txt.

Each of the two files has a hand-typed part (a) above the marker line

    # --- generated below: 1990 US Census (public domain), via PyPI names 0.3.0 (MIT) ---

and a generated part (b) below it.  This script keeps part (a) (it only drops
lines that are on the exclusion lists below, and duplicates), then rewrites
part (b) from the 1990 US Census name-frequency files shipped in the sdist of
the PyPI package `names` 0.3.0 (MIT licence; the census data is a US
Government work in the public domain):

  names/dist.male.first    top MALE_TOP male given names
  names/dist.female.first  top FEMALE_TOP female given names
  names/dist.all.last      top SURNAME_TOP surnames

Names are Title-Cased, filtered through the exclusion lists, de-duplicated
against part (a) (case- and accent-insensitively) and written sorted, so
running the script twice gives identical files.

Usage:  python3 src/data/build/names.py [--sdist PATH/names-0.3.0.tar.gz] [--check]
Without --sdist the sdist is fetched with
    pip download names==0.3.0 --no-deps --no-binary :all: -d <tmpdir>
and checked against SDIST_SHA256.  --check writes nothing and exits 1 when a
file would change.  Python 3 standard library only.
"""
import argparse
import hashlib
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
GIVEN_FILE = os.path.join(DATA, "given_names.txt")
SURNAME_FILE = os.path.join(DATA, "surnames.txt")

MARKER = "# --- generated below: 1990 US Census (public domain), via PyPI names 0.3.0 (MIT) ---"
SDIST_NAME = "names-0.3.0.tar.gz"
SDIST_SHA256 = "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"  # PyPI sdist of names 0.3.0

MALE_TOP = 1000     # cumulative frequency ~89% of the male file
FEMALE_TOP = 1000   # cumulative frequency ~82% of the female file
# The census surnames are left out (0): measured on the dev sets they added 0.2 F1 on
# CoNLL-2003 persons for about 6 KB of gzipped download, which the page cannot spare.
SURNAME_TOP = 0

# ---------------------------------------------------------------------------
# Exclusion lists.  Compared case-insensitively (accented forms are listed
# separately where they are meant: Germán stays, German goes).
# ---------------------------------------------------------------------------

# Words that must never be taken as a given name: common English words (often
# capitalised at a sentence start), titles and honorifics, name particles,
# places, nationalities and religions, and surnames that as a first token
# mostly stand for a person's surname or an institution.
GIVEN_EXCLUDE = """
Will May June April August January February March July September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter
Grace Hope Faith Joy Rose Love Mercy Patience Prudence Charity Honor Honour Honey Candy
Ginger Pepper Cherry Olive Pearl Amber Crystal Jewel Precious Destiny Harmony Melody
Trinity Genesis Eden Heaven Unity Liberty Justice Sunshine Stormy Storm Sky Star Rain
River Forest Brook Heath Dawn Autumn Summer Winter Spring Sunny Merry Gay Lucky
Major General King Queen Prince Princess Duke Earl Baron Lord Lady Dame Marshall Judge
Bishop Pope Deacon Junior Senior Royal Noble Sterling
Chance Long Young Page Rich Art Guy Early Else Man Ivory Miles Drew Grant Chase Clay
Chip Buck Cash Lane Ward Red Blue Earnest Dot Tulip Marine Job Till Odd Per Can Ran Ram
Rim Urban Finn Kent Brent Wells Dell
China India Georgia Jordan Israel Chad Kenya Paris Sydney Victoria Florence Virginia
Carolina Dakota Austin Houston Lincoln Washington Jackson Dallas Phoenix Denver Brooklyn
Chelsea Savannah Alexandria Augusta Adelaide Geneva Vienna Sierra Asia Africa America
Columbia Argentina France Holland Salvador Asuncion Asunción Concepcion Concepción Mercedes
Rosario Guadalupe Sofía
Trinidad Montserrat Lourdes Sofia Medina Aden Tokyo Wellington Hamilton Cleveland Madison
Monroe Jefferson Truman Roosevelt Hoover Kennedy Reagan Carter Clinton Wilson Ford Morgan
Santos Dodge Zion Iran Iraq Cuba Peru Chile Mali Niger Sudan Yemen Oman Malta Cyprus
Christian Islam Muslim Sheikh Sheikha Shaikh Cheikh Serigne Emir Sultan Imam
Mullah Mawlawi Maulana Ayatollah Hojatoleslam Haji Hajji Sayyid Sidi Shah Tengku Abang
Dasho Wan Billah Papa Said Karma Amal Jihad Shifa Didi Mala Efrat Berat Sanaa Sana
Roman German Assad Asad Stalin Gen Jun Rala Roj Uz Ping
Kim Lee Van Von Al El De Del Della Der Den Des Di Da Du Dos Das La Le Los Las Ter Ten
Bin Bint Ibn Abu Umm Mac St San Santa Sao Md
Lim Guan Loke Wee Ka Nga Kor Ming Siew Fook Yeoh Li
Chang Chi Sang Son Sung Yong Brain Numbers Robt Wm Berry Coy Cruz Davis Harris Les Reyes Rico
Walker Williams Kitty Pansy Anderson Foster Blair Vance Cornell Abe
"""

# Surnames that are common English words or are often capitalised for another
# reason (places, nationalities, titles, brands), plus East Asian family names,
# which the project leaves out (as short syllables they also occur as given
# names and inside other names).
SURNAME_EXCLUDE = """
White Black Green Gray Grey Blue Golden Gold Silver Diamond Sterling Steel
Young Old Little Long Short Small Strong Sharp Smart Swift Quick Rich Noble Wise Good Best
Bright Sweet Fair Free Early Still Lively Strange Handy Jolly Savage Crisp Stark
King Queen Prince Duke Earl Baron Lord Royal Major Majors Marshall Bishop
Pope Priest Monk Dean Justice Judge
Hall Hill Hills Wood Woods Stone Rose Field Fields Lane Street Way Park Parks Lake Rivers
River Beach Banks Bank Mills Mill Church Temple Chapel House Castle Tower Bridges Grove
Groves Meadows Fountain Alley Branch Root Wall Walls Cross Camp Villa Kitchen
West North South East May March Day Winter Snow Frost Cloud Light Moon Star Sky
Mark Page Love Hope Joy Grace Chance Case Key Keys Ring Post Story Sample
Blank Block Box Bone Hand Head Heart Foot Law Laws Power Powers Person Peoples Numbers
Brothers Parent Minor Self Vest Hay Coy Deal Gay Guy Cook Farmer Driver Singer Painter
Butcher Barber Carrier Champion Merchant Hacker Outlaw Battle Glass Hammer Means Bliss
Darling Friend Brand Champagne Flood Call Cheek Lay Fortune Stump Link Rock Hook Hooks
Pack Sheets Masters Bonds Bond Mock Spear Thorn Maples Shell Main Wing Seal Seals Easter
Muse Falcon Beaver Woody Shorter Flowers Sparks Cannon Hurt Crook Slaughter Gamble Pace
Rush Fry Riddle Horn Dye Herring Cotton Holder Cherry Pepper Lemon Lemons Bean Bacon
Burger Salmon Trout Fish Bird Fox Wolf Lamb Bull Buck Crane Crow Hawk Hawks Swan Finch
Wren Dove Bass Ball Bell Cash Chase Grant Miles Drew Ford Dodge Sears Clay Pool High
Urban Harp Christian English French German Welsh Roman Spain France Holland England
London Paris Boston York Kent Lancaster Durham Richmond Madrid Sierra Florence Israel
Jordan Washington Houston Austin Dallas Cleveland Lincoln Madison Jack Forte Beam Doe
Coats Hood Land Silver Ash Turk Parts Pop Kiss Among Sang Fall Sow Slot Hoop Knot Cousin Bar Begin Golan Nepal
Brink Dent Ham Hare Heard Hull Mace Miner Nix Rains Read Sands Scales Shook Sledge Stout Weeks
Wheat Wills Hatch Kinder Bunch Burden Couch Craft Cope Hooker Keen Lyon Meek Parish Parson Roach
Shields Vines Weathers Crews
Lee Kim Park Nguyen Tran Le Pham Huynh Hoang Phan Vu Vo Dang Bui Do Ngo Duong Ly Truong
Wong Chan Chang Chen Cheng Chin Chong Chow Chu Chung Cho Choi Kang Han Hong Ho Lam Lau
Leung Ng Lim Lin Liu Li Wang Yang Huang Wu Yu Yi Yee Gee Jung Tang Tan Tam Lo Ma Song
Vang Xiong Thao Moua Lor Her Hang Vue Yee Mak Kwan Kwok Fong Yip Tse Tsai Hsu Kuo
"""

# Census tokens that stand for multi-word or apostrophe surnames.
SURNAME_FORMS = {
    "OBRIEN": "O'Brien", "OCONNOR": "O'Connor", "ODONNELL": "O'Donnell",
    "OCONNELL": "O'Connell", "ONEAL": "O'Neal", "ONEIL": "O'Neil", "ONEILL": "O'Neill",
    "OKEEFE": "O'Keefe", "OLEARY": "O'Leary", "OROURKE": "O'Rourke", "OHARA": "O'Hara",
    "OMALLEY": "O'Malley", "OSHEA": "O'Shea", "OTOOLE": "O'Toole", "OGRADY": "O'Grady",
    "ODONOGHUE": "O'Donoghue", "OQUINN": "O'Quinn", "OBRYANT": "O'Bryant",
    "MACDONALD": "MacDonald", "DELUCA": "DeLuca", "DELONG": "DeLong",
    "DELOACH": "DeLoach", "DEWITT": "DeWitt",
}
SURNAME_DROP = {  # would need a space: St. John, De la Cruz, Van Horn ...
    "STJOHN", "STCLAIR", "STPIERRE", "STGERMAIN", "DELACRUZ", "DELAROSA", "DELATORRE",
    "DELVALLE", "DELEON", "DEJESUS", "DELAGARZA", "VANHORN", "VANDYKE", "VANBUREN",
}

SPECIAL = {"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
           "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
           "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "œ": "oe", "Œ": "Oe"}


def fold(s):
    """Case- and accent-insensitive key."""
    s = "".join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn").casefold()


def word_set(text):
    return {w.casefold() for w in text.split()}


GIVEN_EXCLUDE_SET = word_set(GIVEN_EXCLUDE)
SURNAME_EXCLUDE_SET = word_set(SURNAME_EXCLUDE)


def title(word):
    """Title-case a census token (JAMES -> James, MCDONALD -> McDonald)."""
    w = word.capitalize()
    if len(w) > 3 and w.startswith("Mc"):
        w = "Mc" + w[2:].capitalize()
    return w


def fetch_sdist(tmp):
    cmd = [sys.executable, "-m", "pip", "download", "names==0.3.0", "--no-deps",
           "--no-binary", ":all:", "-d", tmp, "--quiet"]
    subprocess.run(cmd, check=True)
    path = os.path.join(tmp, SDIST_NAME)
    if not os.path.exists(path):
        sys.exit("pip did not produce %s" % SDIST_NAME)
    return path


def check_sha(path):
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != SDIST_SHA256:
        sys.exit("unexpected sha256 for %s: %s" % (path, digest))


def read_census(sdist):
    out = {}
    with tarfile.open(sdist, "r:gz") as tar:
        for member in tar.getmembers():
            base = os.path.basename(member.name)
            if base in ("dist.male.first", "dist.female.first", "dist.all.last"):
                data = tar.extractfile(member).read().decode("ascii")
                rows = []
                for line in data.splitlines():
                    parts = line.split()
                    if len(parts) == 4:
                        rows.append((parts[0], int(parts[3])))
                rows.sort(key=lambda r: r[1])  # by rank
                out[base] = [r[0] for r in rows]
    missing = {"dist.male.first", "dist.female.first", "dist.all.last"} - set(out)
    if missing:
        sys.exit("census files missing from sdist: %s" % ", ".join(sorted(missing)))
    return out


def split_file(path):
    """Return the hand-typed lines (above the marker) of a names file."""
    if not os.path.exists(path):
        return []
    lines = open(path, encoding="utf-8").read().split("\n")
    if MARKER in lines:
        lines = lines[:lines.index(MARKER)]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def clean_hand(lines, exclude, label):
    """Drop excluded names and exact repeats from part (a); keep comments and blank lines.

    Returns the kept lines and the set of folded keys of the kept names."""
    seen, keys, out, dropped = set(), set(), [], []
    for line in lines:
        name = line.strip()
        if not name or name.startswith("#"):
            out.append(line)
            continue
        if name.casefold() in exclude:
            dropped.append(name)
            continue
        if name in seen:
            continue
        seen.add(name)
        keys.add(fold(name))
        out.append(name)
    if dropped:
        print("%s: dropped from the hand-typed part: %s" % (label, ", ".join(dropped)))
    return out, keys


def render(hand, generated, header):
    text = "\n".join(hand) + "\n\n" + MARKER + "\n" + "\n".join(header) + "\n"
    text += "\n".join(generated) + "\n"
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sdist", help="path to an already downloaded %s" % SDIST_NAME)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or fetch_sdist(tmp)
        check_sha(sdist)
        census = read_census(sdist)

    # given names
    hand, seen = clean_hand(split_file(GIVEN_FILE), GIVEN_EXCLUDE_SET, "given_names.txt")
    picked = census["dist.male.first"][:MALE_TOP] + census["dist.female.first"][:FEMALE_TOP]
    gen = set()
    for raw in picked:
        name = title(raw)
        if name.casefold() in GIVEN_EXCLUDE_SET or fold(name) in seen:
            continue
        gen.add(name)
    given_text = render(hand, sorted(gen), [
        "# Top %d male and top %d female given names of the 1990 US Census" % (MALE_TOP, FEMALE_TOP),
        "# (names/dist.male.first, names/dist.female.first), Title-Cased, minus the exclusion",
        "# list in src/data/build/names.py and minus names already above. Do not edit by hand:",
        "# run python3 src/data/build/names.py",
    ])

    # surnames
    hand_s, seen_s = clean_hand(split_file(SURNAME_FILE), SURNAME_EXCLUDE_SET, "surnames.txt")
    gen_s = set()
    for raw in census["dist.all.last"][:SURNAME_TOP]:
        if raw in SURNAME_DROP:
            continue
        name = SURNAME_FORMS.get(raw) or title(raw)
        if name.casefold() in SURNAME_EXCLUDE_SET or fold(name) in seen_s:
            continue
        gen_s.add(name)
    surname_text = render(hand_s, sorted(gen_s), [
        "# Top %d surnames of the 1990 US Census (names/dist.all.last), Title-Cased," % SURNAME_TOP,
        "# minus the exclusion list in src/data/build/names.py and minus names already above.",
        "# Do not edit by hand: run python3 src/data/build/names.py",
    ])

    changed = False
    for path, text in ((GIVEN_FILE, given_text), (SURNAME_FILE, surname_text)):
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed = True
            if not args.check:
                with io.open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
        print("%s: %s (%d hand, %d generated)" % (
            os.path.relpath(path, os.path.dirname(os.path.dirname(DATA))),
            "would change" if (args.check and old != text) else ("updated" if old != text else "unchanged"),
            sum(1 for l in (hand if path == GIVEN_FILE else hand_s) if l.strip() and not l.startswith("#")),
            len(gen if path == GIVEN_FILE else gen_s)))
    if args.check and changed:
        sys.exit(1)


if __name__ == "__main__":
    main()
