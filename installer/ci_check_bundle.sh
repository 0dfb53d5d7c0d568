#!/usr/bin/env bash
# Builds the Linux one-folder bundle (installer/build.py) and starts the built program the way
# a town-hall PC would: copied to another folder, started from yet another, with no Python on
# PATH, no PYTHONPATH and the checkout renamed. Proves the bundle carries the fonts, catalogs,
# style sheet, Alembic migrations, fontTools and QtPdf, and the pyproject version.
# Called by .ci/run after its own steps; also runs alone (it makes .venv when there is none).
#   bash installer/ci_check_bundle.sh [KEEP_DIR]   (KEEP_DIR: keep the checked bundle there, as
#   KEEP_DIR/RenkeiDesk, e.g. for installer/ci_compile_iss.sh KEEP_DIR/RenkeiDesk)
# Needs the Qt run-time libraries that .ci/run installs with apt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
START=$(date +%s)

if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install -q -e '.[test,installer]'
PY="$ROOT/.venv/bin/python"
WANT_VERSION=$("$PY" -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
HEAD_REVISION=$("$PY" -c "from desktop.store.migrate import head_revision; print(head_revision())")

WORK=$(mktemp -d)
"$PY" installer/build.py --distpath "$WORK/dist" --workpath "$WORK/build"
echo "bundle: built in $(( $(date +%s) - START )) s, $(du -sh "$WORK/dist/RenkeiDesk" | cut -f1)"

# Installed elsewhere, as setup.exe would put it under {app}; started from another folder.
mv "$WORK/dist/RenkeiDesk" "$WORK/RenkeiDesk"
rm -rf "$WORK/dist" "$WORK/build"
mkdir "$WORK/elsewhere" "$WORK/nopython"
# PATH holds one empty folder: nothing to find, least of all a python.
BARE=(env -i "PATH=$WORK/nopython" "HOME=$WORK/home" "RENKEI_DESK_HOME=$WORK/rdhome"
      "QT_QPA_PLATFORM=offscreen")
RD="$WORK/RenkeiDesk/renkei-desk"
DATA="$WORK/RenkeiDesk/_internal/desktop"
for file in resources/fonts/IPA_Font_License_Agreement_v1.0.txt resources/fonts/ipamjm.ttf \
            resources/style.qss locale/ja/LC_MESSAGES/renkei.mo locale/en/LC_MESSAGES/renkei.mo \
            store/migrations/env.py; do
  [ -f "$DATA/$file" ] || { echo "bundle: $file is missing" >&2; exit 1; }
done
[ "$DATA/locale/en/LC_MESSAGES/renkei.mo" -nt "$DATA/locale/en/LC_MESSAGES/renkei.po" ] \
  || { echo "bundle: the compiled catalog is older than its .po (it would be recompiled at every start)" >&2; exit 1; }
GUI="$WORK/RenkeiDesk/RenkeiDesk"
cp tests/store/fixtures/office-0001.renkei "$WORK/elsewhere/old.renkei"
printf '%s\r\n%s\r\n' "$("$PY" -c "from desktop.importing.templates import ROSTER_COLUMNS as c; print(','.join(c))")" \
  $'A県デモ町第1号,辻\U000e0102 葛\U000e0100西,つじ かつらにし,保健師,任期付職員,自治法派遣,健康福祉課／保健師,R7.4.1,令和8年3月31日' \
  > "$WORK/elsewhere/ivs.csv"

# The checkout must not be what makes the bundle work: hide it while the bundle runs.
HIDDEN="$ROOT.hidden-$$"
mv "$ROOT" "$HIDDEN"
restore() { if [ -d "$HIDDEN" ]; then mv "$HIDDEN" "$ROOT"; fi; }
trap restore EXIT
cd "$WORK/elsewhere"
fail() { echo "bundle: $*" >&2; exit 1; }

"${BARE[@]}" sh -c 'command -v python3 || command -v python' 2>/dev/null && fail "python on the bare PATH"
[ "$("${BARE[@]}" "$RD" --version)" = "renkei-desk $WANT_VERSION" ] || fail "--version is not $WANT_VERSION"
"${BARE[@]}" "$RD" demo --db demo.renkei
"${BARE[@]}" "$RD" check --db demo.renkei
"${BARE[@]}" "$RD" --lang en check --db demo.renkei > check-en.txt
cat check-en.txt
grep -q "Integrity check" check-en.txt || fail "--lang en check did not speak English"
LC_ALL=C.UTF-8 grep -q -P '[\x{3040}-\x{30ff}\x{4e00}-\x{9fff}]' check-en.txt && fail "--lang en check printed Japanese"
"${BARE[@]}" "$RD" print F1 --db demo.renkei --id A県デモ町第1号 --out f1.pdf
# Names with variation sequences: fontTools reads the fonts' format-14 cmaps inside the bundle.
"${BARE[@]}" "$RD" import roster ivs.csv --db demo.renkei
"${BARE[@]}" "$RD" print F2 --db demo.renkei --fiscal-year 2025 --out f2.pdf
# An office file of schema 0001 is upgraded by Alembic from the bundled migration scripts.
"${BARE[@]}" "$RD" claim --db old.renkei --fiscal-year 2025 > /dev/null
"${BARE[@]}" "$RD" check --db old.renkei | tee check-old.txt
grep -q "リビジョン $HEAD_REVISION" check-old.txt || fail "the 0001 office file was not upgraded to $HEAD_REVISION"
# A bad input ends in a message, not a traceback, in the bundle too.
if "${BARE[@]}" "$RD" check --db missing.renkei 2> missing.txt; then fail "check of a missing file passed"; fi
grep -q "見つかりません" missing.txt && ! grep -q Traceback missing.txt || fail "missing file: $(cat missing.txt)"

# The window, offscreen, for a few seconds: alive, and nothing on stderr that looks like a crash.
"${BARE[@]}" "$GUI" --db demo.renkei > window.out 2> window.err &
WINDOW=$!
sleep 6
kill -0 "$WINDOW" 2>/dev/null || { cat window.out window.err; fail "the window exited within 6 s"; }
kill "$WINDOW"; wait "$WINDOW" 2>/dev/null || true
if grep -E -q "Traceback|Error|could not" window.err; then cat window.err; fail "the window wrote an error"; fi

restore
trap - EXIT
cd "$WORK/elsewhere"
"$PY" - <<'PY'
from pypdf import PdfReader
f1 = "".join(page.extract_text() for page in PdfReader("f1.pdf").pages)
assert "髙﨑 𠮷太郎" in f1, "the bundle's F1 lacks 髙﨑 𠮷太郎"
f2 = "".join(page.extract_text() for page in PdfReader("f2.pdf").pages)
assert "辻\U000e0102 葛\U000e0100西" in f2, "the bundle's F2 lacks the names with variation sequences"
print("bundle: F1 has 髙﨑 𠮷太郎, F2 has 辻󠄂 葛󠄀西 (variation sequences)")
PY
cd "$ROOT"
if [ -n "${1:-}" ]; then
  mkdir -p "$1" && rm -rf "$1/RenkeiDesk" && mv "$WORK/RenkeiDesk" "$1/RenkeiDesk"
  echo "bundle: kept in $1/RenkeiDesk"
fi
rm -rf "$WORK"
echo "bundle: all checks passed in $(( $(date +%s) - START )) s"
