#!/usr/bin/env bash
# The fresh-machine check: runs the commands of README.md's "Run it" block exactly as written (the
# install, then the demo) and compares the demo's account with .ci/demo-account.txt. Times are
# masked; every count (classes, students, marks, copies, pages, backups, register lines) must match.
set -euo pipefail
cd "$(dirname "$0")/.."

commands=$(awk '/^## Run it/{section=1} section && /^```sh/{block=1; next} block && /^```/{exit} block{print}' README.md)
if [ -z "$commands" ]; then
  echo "README.md has no sh block under \"## Run it\"" >&2
  exit 1
fi
echo "README.md's commands:"
echo "$commands" | sed 's/^/  $ /'

account=$(mktemp)
trap 'rm -f "$account"' EXIT
while IFS= read -r line; do
  [ -z "$line" ] && continue
  echo "\$ $line"
  # The demo's account is what is compared; the install's output only shows.
  if [[ "$line" == *"npm run demo"* ]]; then
    bash -euo pipefail -c "$line" </dev/null | tee "$account"
  else
    bash -euo pipefail -c "$line" </dev/null
  fi
done <<< "$commands"

# Times and durations vary from run to run, so does a backup's random id, and the checkout's folder
# from machine to machine;
# nothing else may. npm's own header lines are not the demo's.
mask() {
  sed -E -e 's/[0-9]+(\.[0-9]+)? ?(ms|s)\b/<time>/g' -e 's/(moor-backup-[0-9]{8}-[0-9]{6}-)[0-9a-f]{8}/\1<id>/g' \
    -e "s#$PWD#<repo>#g" -e '/^> /d' -e '/^$/d'
}
if ! diff -u <(mask < .ci/demo-account.txt) <(mask < "$account"); then
  echo "The demo's account differs from .ci/demo-account.txt (above)." >&2
  exit 1
fi
echo "The demo's account matches .ci/demo-account.txt."
