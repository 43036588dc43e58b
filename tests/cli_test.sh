#!/usr/bin/env bash
# The `spiraal` command end to end on a fresh SQLite file: each subcommand
# works, and bad input exits with code 2 and a message, writing nothing.
# Usage: cli_test.sh path/to/spiraal
set -uo pipefail
bin=$1
dir=$(mktemp -d)
here=$(cd "$(dirname "$0")" && pwd)
trap 'rm -rf "$dir"' EXIT
db="$dir/cli.db"
failures=0
passes=0

check() {  # check NAME EXPECTED_EXIT COMMAND...
  local name=$1 want=$2
  shift 2
  "$@" >"$dir/out" 2>"$dir/err"
  local got=$?
  if [ "$got" = "$want" ]; then
    passes=$((passes + 1))
  else
    failures=$((failures + 1))
    echo "FAIL $name: exit $got, wanted $want"; cat "$dir/out" "$dir/err"
  fi
}
contains() {  # contains NAME TEXT (in the last command's output)
  if grep -q -- "$2" "$dir/out" "$dir/err"; then passes=$((passes + 1)); else
    failures=$((failures + 1)); echo "FAIL $1: output lacks '$2'"; cat "$dir/out" "$dir/err"; fi
}

check migrate 0 "$bin" migrate --db "$db"
check user-add 0 sh -c "printf 'een-lang-wachtwoord\n' | '$bin' user add --db '$db' --username an.peeters --role coach --team 'Team Gent' --password-stdin"
check user-add-duplicate 2 sh -c "printf 'een-lang-wachtwoord\n' | '$bin' user add --db '$db' --username an.peeters --role coach --password-stdin"
contains user-add-duplicate-message "already taken"
check user-add-bad-role 2 sh -c "printf 'een-lang-wachtwoord\n' | '$bin' user add --db '$db' --username bo --role boss --password-stdin"
contains user-add-bad-role-message "not a valid choice"
check user-add-short-password 2 sh -c "printf 'kort\n' | '$bin' user add --db '$db' --username bo --role coach --password-stdin"
check user-add-partner-unknown-organisation 2 sh -c "printf 'een-lang-wachtwoord\n' | '$bin' user add --db '$db' --username els --role partner --organisation 'Nergens' --password-stdin"
check user-add-partner-not-created 0 sh -c "[ \"\$(sqlite3 '$db' \"SELECT COUNT(*) FROM users WHERE username = 'els'\")\" = 0 ]"
check token-create 0 "$bin" token create --db "$db" --username an.peeters
contains token-printed "^sp_"
check token-unknown-user 2 "$bin" token create --db "$db" --username nobody
check demo-data 0 "$bin" demo-data --db "$dir/demo.db" --jobseekers 50
contains demo-logins "coach"
contains demo-invitation "type [A-Z0-9]\{8\} (valid until"
check demo-invitation-stored 0 sh -c "[ \"\$(sqlite3 '$dir/demo.db' 'SELECT COUNT(*) FROM portal_invitations WHERE used_at IS NULL')\" = 1 ]"
check demo-data-twice 2 "$bin" demo-data --db "$dir/demo.db" --jobseekers 50
contains demo-data-twice-message "not empty"
check team-set 0 "$bin" team set --db "$dir/demo.db" --team 'Team Antwerpen-Noord' --region Proefregio --organisation Proeforganisatie
check team-set-unknown 2 "$bin" team set --db "$dir/demo.db" --team Nergens --region Limburg --organisation VDAB
check team-set-missing-region 2 "$bin" team set --db "$dir/demo.db" --team 'Team Antwerpen-Noord' --organisation VDAB
check export-monitoring-csv 0 "$bin" export monitoring --db "$dir/demo.db" --region Proefregio
contains export-monitoring-header "^section,indicator,cell,value"
contains export-monitoring-region "^participants,region,Proefregio,"
check export-monitoring-bad-period 2 "$bin" export monitoring --db "$dir/demo.db" --from 2026-05-01 --to 2026-01-01
check export-monitoring-xlsx-needs-out 2 "$bin" export monitoring --db "$dir/demo.db" --format xlsx
check export-monitoring-xlsx 0 "$bin" export monitoring --db "$dir/demo.db" --organisation Proeforganisatie --format xlsx --out "$dir/m.xlsx"
check export-monitoring-xlsx-is-workbook 0 sh -c "unzip -l '$dir/m.xlsx' | grep -q xl/worksheets/sheet1.xml"
check logs-on-stderr 0 sh -c "[ \"\$('$bin' migrate --db '$dir/fresh-logs.db' 2>/dev/null)\" = 'database is up to date' ]"
check export 0 "$bin" subject export --db "$dir/demo.db" --jobseeker 1
contains export-json '"contacts"'
contains export-opened '"life_history"'
check export-missing 2 "$bin" subject export --db "$dir/demo.db" --jobseeker 999999
check export-pdf 0 "$bin" subject export --db "$dir/demo.db" --jobseeker 1 --out "$dir/sar"
check export-pdf-is-pdf 0 sh -c "pdftotext '$dir/sar/spiraal-1.pdf' - | grep -q 'Alles wat Spiraal over jou bijhoudt'"
check export-json-file 0 test -s "$dir/sar/spiraal-1.json"
check export-bad-lang 2 "$bin" subject export --db "$dir/demo.db" --jobseeker 1 --lang fr
check retention 0 "$bin" subject retention --db "$dir/demo.db" --months 1
contains retention-summary "closed dossiers past 1 months"
check erase-needs-yes 2 "$bin" subject erase --db "$dir/demo.db" --jobseeker 2
check erase 0 "$bin" subject erase --db "$dir/demo.db" --jobseeker 2 --yes
contains erase-tombstone "tombstone"
check erased-is-gone 2 "$bin" subject export --db "$dir/demo.db" --jobseeker 2
check erased-leaves-no-contacts 0 sh -c "[ \"\$(sqlite3 '$dir/demo.db' 'SELECT COUNT(*) FROM contacts WHERE jobseeker_id = 2')\" = 0 ]"
check erase-missing 2 "$bin" subject erase --db "$dir/demo.db" --jobseeker 2 --yes
check demo-partner-linked 0 sh -c "[ \"\$(sqlite3 '$dir/demo.db' \"SELECT COUNT(*) FROM users WHERE username = 'partner' AND organisation_id IS NOT NULL\")\" = 1 ]"
check demo-outreach 0 sh -c "[ \"\$(sqlite3 '$dir/demo.db' \"SELECT COUNT(*) > 0 FROM outreach_people p JOIN users u ON u.id = p.toeleider_id WHERE u.username = 'toeleider'\")\" = 1 ] && [ \"\$(sqlite3 '$dir/demo.db' \"SELECT COUNT(*) > 0 FROM handovers\")\" = 1 ]"
check user-add-partner 0 sh -c "printf 'een-lang-wachtwoord\n' | '$bin' user add --db '$dir/demo.db' --username els --role partner --organisation \"\$(sqlite3 '$dir/demo.db' 'SELECT name FROM organisations ORDER BY id LIMIT 1')\" --password-stdin"
check user-add-toeleider 0 sh -c "printf 'een-lang-wachtwoord\n' | '$bin' user add --db '$dir/demo.db' --username toon --role toeleider --organisation \"\$(sqlite3 '$dir/demo.db' 'SELECT name FROM organisations ORDER BY id LIMIT 1')\" --password-stdin"
check demo-key-created 0 test -f "$dir/demo.db.key"
check notes-sealed 0 sh -c "[ \"\$(sqlite3 '$dir/demo.db' \"SELECT COUNT(*) FROM contacts WHERE note NOT LIKE 'enc:1:%'\")\" = 0 ]"
check keys-rotate 0 "$bin" keys rotate --db "$dir/demo.db"
contains keys-rotated "re-encrypted"
check keys-one-left 0 sh -c "[ \"\$(grep -c . '$dir/demo.db.key')\" = 1 ]"
check export-after-rotation 0 "$bin" subject export --db "$dir/demo.db" --jobseeker 1
check missing-key-file 1 "$bin" subject export --db "$dir/demo.db" --jobseeker 1 --key-file "$dir/absent.key"
printf 'k9 %064d\n' 7 > "$dir/other.key"
check wrong-key 1 "$bin" subject export --db "$dir/demo.db" --jobseeker 1 --key-file "$dir/other.key"
contains wrong-key-message "unknown key"
check postgres-needs-a-key 1 env -u SPIRAAL_KEY_FILE "$bin" migrate --db postgresql://nobody@127.0.0.1:1/none
contains postgres-key-message "needs --key-file"
check backup 0 "$bin" backup --db "$dir/demo.db" --to "$dir/demo.backup"
contains backup-key-warning "key file"
check backup-exists 2 "$bin" backup --db "$dir/demo.db" --to "$dir/demo.backup"
"$bin" subject export --db "$dir/demo.db" --jobseeker 1 | grep -v exported_at > "$dir/before.json"
check restore-needs-force 2 "$bin" restore --db "$dir/demo.db" --from "$dir/demo.backup"
cp "$dir/demo.db.key" "$dir/restored.db.key"
check restore 0 "$bin" restore --db "$dir/restored.db" --from "$dir/demo.backup"
check restore-round-trip 0 sh -c "'$bin' subject export --db '$dir/restored.db' --jobseeker 1 | grep -v exported_at | diff -q - '$dir/before.json'"
check restore-not-a-backup 2 "$bin" restore --db "$dir/x.db" --from "$dir/before.json"
check restore-missing 2 "$bin" restore --db "$dir/x.db" --from "$dir/absent"
check audit-verify 0 "$bin" audit verify --db "$dir/demo.db"
contains audit-verify-intact "intact"
sqlite3 "$dir/demo.db" "UPDATE audit_log SET detail = 'tampered' WHERE seq = 1"
check audit-verify-tampered 1 "$bin" audit verify --db "$dir/demo.db"
contains audit-verify-broken "BROKEN at record 1"
check catalogue-import 0 "$bin" catalogue import --db "$dir/demo.db" --name vacancies --file "$here/../data/samples/vacancies.csv"
contains catalogue-import-count "vacancies: 10 imported, 0 refused"
printf 'reference,employer,title,occupation_code,core_tasks,hours_per_week,schedule,place,contract\nV1,A,B,X,"Taak: juggling",20,day,Gent,permanent\n' > "$dir/bad.csv"
check catalogue-import-refused 2 "$bin" catalogue import --db "$dir/demo.db" --name vacancies --file "$dir/bad.csv"
contains catalogue-import-line "bad.csv:2: core_tasks"
check catalogue-unknown-name 2 "$bin" catalogue import --db "$dir/demo.db" --name cars --file "$dir/bad.csv"
check measures-export 0 sh -c "'$bin' measures export --db '$dir/demo.db' > '$dir/measures.json'"
check measures-import 0 "$bin" measures import --db "$dir/demo.db" --file "$dir/measures.json"
contains measures-import-version "in force"
echo '{"version": "x", "facts": [], "measures": [{"code": "a"}]}' > "$dir/bad-measures.json"
check measures-import-refused 2 "$bin" measures import --db "$dir/demo.db" --file "$dir/bad-measures.json"
contains measures-import-field "measures.0"
check unknown-subcommand 2 "$bin" frobnicate
check bad-port 2 "$bin" serve --db "$db" --port 99999
printf 'k1 %064d\n' 0 > "$dir/pg.key"
check bad-postgres-url 1 "$bin" migrate --db postgresql://nobody@127.0.0.1:1/none --key-file "$dir/pg.key"

echo "$passes passed, $failures failed"
[ "$failures" = 0 ]
