#!/usr/bin/env bash
# Re-creates this corpus: the README of each npm package below, as published in its package at the pinned version,
# the package's licence file (licences/), and NOTICE.md naming each file's package, version, licence and copyright.
# Needs npm and the network, once; the tests read the committed files only.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  webpack@5.113.0 prettier@3.10.2 chart.js@4.6.2 axios@1.21.1 preact@11.2.0 sweetalert2@11.26.25 koa@3.3.0
  socket.io@4.8.4 nodemon@3.1.14 @nestjs/core@12.6.3 eslint@10.16.0 inquirer@14.3.1 mobx@7.1.3 got@14.6.6
  ajv@8.20.0 dotenv@18.0.10 rollup@4.69.3 solid-js@1.9.20 dayjs@1.11.23 sinon@22.1.0 msw@2.15.0 nuxt@4.4.5
  execa@9.6.1 node-fetch@3.3.2 lint-staged@16.4.0 zod@4.6.7 cheerio@1.2.0 passport@0.7.0 typeorm@1.1.3
  @tanstack/react-query@5.108.4 quill@2.0.3 prisma@7.10.1 mocha@12.0.3 bootstrap@5.3.9 jsdom@29.1.1 helmet@8.3.0
  fastify@5.12.8 commander@14.0.3 ioredis@6.1.0 highlight.js@11.12.0 ws@8.23.1 leaflet@1.9.4 d3@7.9.2
)

rm -rf licences && mkdir licences
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=()
for spec in "${PACKAGES[@]}"; do
  name=${spec%@*}
  version=${spec##*@}
  file=$(echo "$name" | sed 's|^@||; s|/|-|').md
  tarball=$(cd "$work" && npm pack "$spec" --silent | tail -1)
  rm -rf "$work/package"
  tar xzf "$work/$tarball" -C "$work" --wildcards 'package/*'
  readme=$(find "$work/package" -maxdepth 1 -iname 'readme*' | head -1)
  licence_file=$(find "$work/package" -maxdepth 1 \( -iname 'licen[sc]e*' -o -iname 'copying*' \) | head -1)
  cp "$readme" "$file"
  cp "$licence_file" "licences/${file%.md}.txt"
  licence=$(node -p "require('$work/package/package.json').license")
  copyright=$(grep -iE '^[#[:space:]]*(copyright|©|\(c\)[[:space:]]*[0-9])' "$licence_file" \
    | grep -viE 'copyright (notice|owner|holder|license|statement)' | head -1 | sed -E 's/^[#[:space:]]+//; s/\|/\\|/g' || true)
  [ -n "$copyright" ] || copyright="see the package's licence file"
  rows+=("| \`$file\` | \`$name\` | $version | [$licence](licences/${file%.md}.txt) | $copyright |")
  echo "$file $(wc -c <"$file") bytes, $licence" >&2
done

{
  echo "# Fidelity corpus: sources and licences"
  echo
  echo "Each file is the README shipped in the npm package named, at the version named, unchanged: text its authors"
  echo "wrote for readers of GitHub and the npm website, used here as test data for the export formatters"
  echo "(\`FidelityCorpusTest\`). Every package is published under the open source licence named (SPDX id), which"
  echo "allows copying with its notice: each package's licence file is copied, unchanged, under \`licences/\`; the"
  echo "copyright line is the first one of that file. \`fetch.sh\` re-creates the files and this notice."
  echo
  echo "| file | package | version | licence | copyright |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > NOTICE.md
