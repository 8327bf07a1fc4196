#!/usr/bin/env bash
# Installs every build and test dependency from Debian's packages. Idempotent and quiet:
# when everything is present it only checks and returns.
#   scripts/setup.sh            build + run dependencies
#   scripts/setup.sh --tests    also what the browser tests need (chromium, node), clang for
#                               the sanitizer and fuzzing builds, wrk for the load test
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libicu-dev           # Unicode: normalisation, case mapping, word break, converters
  libxapian-dev        # the search engine library
  libxml2-dev          # HTML, DOCX and edXML parsing
  libcpp-httplib-dev   # the HTTP server
  nlohmann-json3-dev   # JSON encoding and decoding
  libcli11-dev         # command-line parsing
  libpoppler-cpp-dev   # PDF text extraction
  poppler-utils        # pdftotext: the PDF-text-layer layout tests read PDFs as the real sets hold them
  libzip-dev           # DOCX, ODT (zip) containers
  libreoffice-writer-nogui  # soffice --convert-to: .doc (Word 97-2003) and .rtf read as DOCX
  libreoffice-calc-nogui    # ... and .xls read as XLSX
  # OCR of scans (scanned PDF pages, PNG/JPEG/TIFF): the engine, its image library, the
  # Vietnamese model. Optional at build time (VANBAN_OCR) and at run time.
  libtesseract-dev libleptonica-dev tesseract-ocr-vie
  libssl-dev           # sha256 for content addressing; deciphering encrypted PDFs for the bomb scan
  libgoogle-perftools-dev  # tcmalloc, the vanban executable's allocator (VANBAN_TCMALLOC)
  libgtest-dev libgmock-dev libbenchmark-dev
  xapian-tools         # xapian-tcpsrv: the sharding tests serve shards over TCP (docs/SCALING.md)
)
if [[ "${1:-}" == "--tests" ]]; then
  packages+=(chromium clang-format)
  # Real office PDFs are set in Times New Roman: the PDF layout tests (tests/indexer/
  # layout_pdf_text_test.cpp) must see those metrics (Liberation Serif's) on every machine, not
  # the DejaVu fallback of a minimal install (--no-install-recommends leaves it out).
  packages+=(fonts-liberation)
  # qpdf encrypts the encrypted-PDF tests' files (tests/indexer/pdf_streams_test.cpp).
  packages+=(qpdf)
  # Sanitizer builds and libFuzzer (scripts/test.sh), the load test (scripts/load_test.sh).
  packages+=(clang libclang-rt-14-dev wrk)
  # lld: the builds link with it where present (scripts/build.sh, scripts/sanitize.sh).
  packages+=(lld)
  # Node.js may come from elsewhere than Debian (its own npm included); only install when absent.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
