#!/usr/bin/env bash
# Downloads the opus-mt-nl-en ONNX export (Xenova layout) from the Hugging Face hub into models/,
# verifying the size and SHA-256 of every file. See --help.
set -euo pipefail

readonly PROG=download-model
readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly ROOT_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"

# Exit codes (also printed by --help).
readonly EXIT_OK=0 EXIT_FAILURE=1 EXIT_USAGE=2 EXIT_NETWORK=3 EXIT_AUTH=4 EXIT_NOT_FOUND=5
readonly EXIT_INTEGRITY=6 EXIT_DISK=7 EXIT_UNVERIFIABLE=8 EXIT_RETRIES=9

REPO=Xenova/opus-mt-nl-en
REVISION=82c42d95d1508037cbe7172d85fd4e940a2f3584
PRECISION=int8
DEST=""
ONLY=()
MANIFEST="${NLEN_MODEL_MANIFEST:-$SCRIPT_DIR/model-manifest.tsv}"
ENDPOINT="${HF_ENDPOINT:-https://huggingface.co}"
ENDPOINT="${ENDPOINT%/}"
MAX_ATTEMPTS="${DOWNLOAD_MAX_ATTEMPTS:-5}"
BACKOFF_SECONDS="${DOWNLOAD_BACKOFF_SECONDS:-2}"
readonly RECORD_NAME=.verified.tsv   # what this script verified before, so re-runs skip without network

REQUIRED_FILES=(config.json generation_config.json tokenizer.json tokenizer_config.json
                source.spm target.spm vocab.json)
# Not read by the engine (tokenizer.json carries the special tokens); fetched when the repository has it.
OPTIONAL_FILES=(special_tokens_map.json)
INT8_GRAPHS=(onnx/encoder_model_quantized.onnx onnx/decoder_model_merged_quantized.onnx)
FP32_GRAPHS=(onnx/encoder_model.onnx onnx/decoder_model_merged.onnx)

usage() {
  cat <<EOF
Usage: scripts/download-model.sh [options]

Downloads the MarianMT opus-mt-nl-en ONNX export and its tokenizer files from the Hugging Face hub
and checks each file's size and SHA-256 before it is put in place.

Options:
  --precision int8|fp32|all  which ONNX graphs to fetch (default: int8 = the *_quantized graphs)
  --repo OWNER/NAME          hub repository (default: $REPO)
  --revision REV             commit (or branch/tag) to fetch (default: the pinned $REVISION)
  --dest DIR                 target folder (default: models/NAME under the repository root)
  --only PATH                fetch just this file (repeatable), e.g. --only tokenizer.json
  --manifest FILE            table of known sizes/digests (default: scripts/model-manifest.tsv;
                             env NLEN_MODEL_MANIFEST); columns: repo revision path size sha256
  -h, --help                 this text

Environment:
  HF_ENDPOINT               hub address (default https://huggingface.co)
  HF_TOKEN                  sent as "Authorization: Bearer" for gated or private repositories
  DOWNLOAD_MAX_ATTEMPTS     tries per request on transient failures (default 5)
  DOWNLOAD_BACKOFF_SECONDS  first wait between tries, doubled each time (default 2)

Integrity: a file listed in the manifest must match its size and SHA-256 there. Any other file must
match what the hub states: X-Linked-Etag/X-Linked-Size (SHA-256 and size of an LFS file) or the ETag
(git blob SHA-1 of a small file). A file whose digest cannot be established is refused.
Downloads go to FILE.part, resume after an interruption, and are renamed only once verified.
Files already present and verified are skipped.

Exit codes:
  0  all files present and verified
  1  other failure
  2  bad usage
  3  no network (host not resolved or connection refused)
  4  401/403: authentication needed or refused (set HF_TOKEN)
  5  404: repository, revision or file not found
  6  integrity check failed (file removed)
  7  not enough disk space, or a write failed
  8  no digest could be established for a file (add it to the manifest)
  9  transient failures persisted after all retries
EOF
}

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { local code=$1; shift; printf '%s: error: %s\n' "$PROG" "$*" >&2; exit "$code"; }

parse_args() {
  while (($#)); do
    case "$1" in
      --precision) PRECISION="${2:?--precision needs a value}"; shift 2 ;;
      --repo) REPO="${2:?--repo needs a value}"; shift 2 ;;
      --revision) REVISION="${2:?--revision needs a value}"; shift 2 ;;
      --dest) DEST="${2:?--dest needs a value}"; shift 2 ;;
      --manifest) MANIFEST="${2:?--manifest needs a value}"; shift 2 ;;
      --only) ONLY+=("${2:?--only needs a value}"); shift 2 ;;
      -h|--help) usage; exit "$EXIT_OK" ;;
      *) usage >&2; die "$EXIT_USAGE" "unknown argument: $1" ;;
    esac
  done
  case "$PRECISION" in int8|fp32|all) ;; *) die "$EXIT_USAGE" "--precision must be int8, fp32 or all" ;; esac
  [[ "$REPO" =~ ^[A-Za-z0-9._-]+/[A-Za-z0-9._-]+$ ]] || die "$EXIT_USAGE" "--repo must look like owner/name: $REPO"
  [[ "$MAX_ATTEMPTS" =~ ^[1-9][0-9]*$ ]] || die "$EXIT_USAGE" "DOWNLOAD_MAX_ATTEMPTS must be a positive integer"
  local only
  for only in "${ONLY[@]}"; do
    [[ "$only" != /* && "$only" != *..* ]] || die "$EXIT_USAGE" "--only takes a path inside the repository: $only"
  done
  DEST="${DEST:-$ROOT_DIR/models/${REPO#*/}}"
}

require_tools() {
  local tool
  for tool in curl sha256sum sha1sum awk df; do
    command -v "$tool" >/dev/null || die "$EXIT_FAILURE" "$tool is required but not installed"
  done
}

file_list() {
  if ((${#ONLY[@]})); then printf '%s\n' "${ONLY[@]}"; return; fi
  printf '%s\n' "${REQUIRED_FILES[@]}"
  [[ "$PRECISION" == fp32 ]] || printf '%s\n' "${INT8_GRAPHS[@]}"
  [[ "$PRECISION" == int8 ]] || printf '%s\n' "${FP32_GRAPHS[@]}"
}

is_optional() { local f; for f in "${OPTIONAL_FILES[@]}"; do [[ "$1" == "$f" ]] && return 0; done; return 1; }
is_commit() { [[ "$REVISION" =~ ^[0-9a-f]{40}$ ]]; }
file_size() { if [[ -f "$1" ]]; then stat -c %s "$1"; else echo 0; fi; }
sha256_of() { sha256sum "$1" | awk '{print $1}'; }
# git's blob id: sha1 of "blob <size>\0<content>"
git_blob_sha1_of() { { printf 'blob %d\0' "$(file_size "$1")"; cat "$1"; } | sha1sum | awk '{print $1}'; }
url_for() { printf '%s/%s/resolve/%s/%s' "$ENDPOINT" "$REPO" "$REVISION" "$1"; }

# Prints "size<TAB>sha256" for (repo, revision, path) from a table, or nothing.
table_lookup() {
  local table=$1 path=$2
  [[ -f "$table" ]] || return 0
  awk -F'\t' -v r="$REPO" -v v="$REVISION" -v p="$path" \
    '$0 !~ /^#/ && $1 == r && $2 == v && $3 == p { print $4 "\t" $5; exit }' "$table"
}

record_verified() {
  local path=$1 size=$2 sha=$3 record="$DEST/$RECORD_NAME" tmp
  tmp="$(mktemp "$DEST/.verified.XXXXXX")"
  if [[ -f "$record" ]]; then
    awk -F'\t' -v r="$REPO" -v v="$REVISION" -v p="$path" '!($1 == r && $2 == v && $3 == p)' "$record" >"$tmp"
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$REPO" "$REVISION" "$path" "$size" "$sha" >>"$tmp"
  mv -f "$tmp" "$record"
}

CURL_AUTH=()
setup_curl() {
  CURL_ERR="$(mktemp)"
  CURL_COMMON=(--show-error --connect-timeout 20 --speed-limit 1024 --speed-time 60
               --user-agent "nlen-download-model/1" --proto '=http,https' --proto-redir '=http,https')
  if [[ -n "${HF_TOKEN:-}" ]]; then
    # header from a private file keeps the token out of the process list
    AUTH_HEADER_FILE="$(mktemp)"
    chmod 600 "$AUTH_HEADER_FILE"
    printf 'Authorization: Bearer %s\n' "$HF_TOKEN" >"$AUTH_HEADER_FILE"
    CURL_AUTH=(--header "@$AUTH_HEADER_FILE")
  fi
}

CURL_ERR=""   # curl's own message, shown only when our one-line error cannot classify a failure
cleanup() {
  [[ -z "$CURL_ERR" ]] || rm -f "$CURL_ERR"
  [[ -z "${AUTH_HEADER_FILE:-}" ]] || rm -f "$AUTH_HEADER_FILE"
  [[ -z "${HEADERS_FILE:-}" ]] || rm -f "$HEADERS_FILE"
}
curl_said() { tr -d '\r' <"$CURL_ERR" | grep -v '^\s*$' | tail -n 1 | sed 's/^curl: //'; }

# Maps a failed request to an exit, or returns 0 when it is worth another try.
# Arguments: curl exit status, HTTP status, path being fetched.
fail_or_retry() {
  local rc=$1 code=$2 path=$3
  case "$rc" in
    5|6) die "$EXIT_NETWORK" "no network: cannot resolve the host of $ENDPOINT (curl exit $rc)" ;;
    7) die "$EXIT_NETWORK" "no network: cannot connect to $ENDPOINT (curl exit 7)" ;;
    23) die "$EXIT_DISK" "cannot write $path under $DEST (disk full or not writable; curl exit 23)" ;;
  esac
  case "$code" in
    401|403) die "$EXIT_AUTH" "HTTP $code for $path in $REPO: access refused; set HF_TOKEN to a token that can read $REPO (gated or private repositories need one)" ;;
    404) die "$EXIT_NOT_FOUND" "HTTP 404 for $path: check --repo ($REPO) and --revision ($REVISION)" ;;
    408|429|5??) return 0 ;;
  esac
  case "$rc" in
    18|28|35|52|55|56|92) return 0 ;;   # partial transfer, timeout, TLS, empty reply, send/recv failure
    22) die "$EXIT_FAILURE" "HTTP $code for $path from $(url_for "$path")" ;;
    *) die "$EXIT_FAILURE" "download of $path failed (curl exit $rc, HTTP $code: $(curl_said))" ;;
  esac
}

backoff() {
  local attempt=$1 delay
  delay="$(awk -v b="$BACKOFF_SECONDS" -v a="$attempt" 'BEGIN { print b * 2 ^ (a - 1) }')"
  log "transient failure ($2); retrying in ${delay}s (attempt $((attempt + 1)) of $MAX_ATTEMPTS)"
  sleep "$delay"
}

header_value() { awk -v n="$1" '{ sub(/\r$/, "") } tolower($0) ~ "^" tolower(n) ":" { sub(/^[^:]*:[ \t]*/, ""); v = $0 } END { print v }' "$HEADERS_FILE"; }
strip_etag() { local v=${1#W/}; v=${v#\"}; printf '%s' "${v%\"}"; }

# HEAD request on the resolve URL without following the CDN redirect: the hub states the LFS digest there.
# Sets META_KIND (sha256|gitsha1|missing), META_HASH, META_SIZE (or empty when unknown).
fetch_metadata() {
  local path=$1 url attempt=0 hops=0 rc code location etag linked
  url="$(url_for "$path")"
  HEADERS_FILE="${HEADERS_FILE:-$(mktemp)}"
  while :; do
    attempt=$((attempt + 1))
    rc=0
    code="$(curl "${CURL_COMMON[@]}" --silent "${CURL_AUTH[@]}" --head --output /dev/null --dump-header "$HEADERS_FILE" \
            --write-out '%{http_code}' "$url" 2>"$CURL_ERR")" || rc=$?
    if ((rc == 0)) && [[ "$code" =~ ^3 ]] && [[ -z "$(header_value X-Linked-Etag)" ]] && ((hops < 5)); then
      location="$(header_value Location)"   # e.g. a renamed repository: follow it to reach the metadata
      [[ "$location" == /* ]] && location="${ENDPOINT%%/*}//$(printf '%s' "${ENDPOINT#*//}" | cut -d/ -f1)$location"
      url="$location"; hops=$((hops + 1)); attempt=$((attempt - 1)); continue
    fi
    if ((rc == 0)) && [[ "$code" =~ ^[23] ]]; then break; fi
    if [[ "$code" == 404 ]] && is_optional "$path"; then META_KIND=missing; return 0; fi
    fail_or_retry "$rc" "$code" "$path"
    ((attempt < MAX_ATTEMPTS)) || die "$EXIT_RETRIES" "giving up on $path after $MAX_ATTEMPTS attempts (curl exit $rc, HTTP $code)"
    backoff "$attempt" "curl exit $rc, HTTP $code"
  done
  linked="$(strip_etag "$(header_value X-Linked-Etag)")"
  etag="$(strip_etag "$(header_value ETag)")"
  if [[ "$linked" =~ ^[0-9a-f]{64}$ ]]; then
    META_KIND=sha256; META_HASH=$linked; META_SIZE="$(header_value X-Linked-Size)"
  elif [[ "$etag" =~ ^[0-9a-f]{64}$ ]]; then
    META_KIND=sha256; META_HASH=$etag; META_SIZE="$(header_value Content-Length)"
  elif [[ "$etag" =~ ^[0-9a-f]{40}$ ]]; then
    META_KIND=gitsha1; META_HASH=$etag; META_SIZE="$(header_value Content-Length)"
  else
    die "$EXIT_UNVERIFIABLE" "the hub states no SHA-256 or git blob id for $path (ETag '${etag}'); add its size and sha256 to $MANIFEST"
  fi
  [[ "$META_SIZE" =~ ^[0-9]+$ ]] || META_SIZE=""
}

# Decides how one file is checked. Fills PLAN_* arrays; skips files already present and verified.
PLAN_PATH=() PLAN_KIND=() PLAN_HASH=() PLAN_SIZE=()
plan_file() {
  local path=$1 known="" kind hash size target="$DEST/$1"
  known="$(table_lookup "$MANIFEST" "$path")"
  if [[ -z "$known" ]] && is_commit; then known="$(table_lookup "$DEST/$RECORD_NAME" "$path")"; fi
  if [[ -n "$known" ]]; then
    kind=sha256; size="${known%%$'\t'*}"; hash="${known##*$'\t'}"
  else
    fetch_metadata "$path"
    if [[ "$META_KIND" == missing ]]; then log "$path: not in $REPO@$REVISION (optional, skipped)"; return 0; fi
    kind=$META_KIND; hash=$META_HASH; size=$META_SIZE
  fi
  if [[ -f "$target" ]] && [[ -z "$size" || "$(file_size "$target")" == "$size" ]] \
     && [[ "$(digest_of "$kind" "$target")" == "$hash" ]]; then
    log "$path: present and verified, skipped"
    [[ "$kind" != sha256 ]] || record_verified "$path" "$(file_size "$target")" "$hash"
    return 0
  fi
  PLAN_PATH+=("$path"); PLAN_KIND+=("$kind"); PLAN_HASH+=("$hash"); PLAN_SIZE+=("$size")
}

digest_of() { if [[ "$1" == sha256 ]]; then sha256_of "$2"; else git_blob_sha1_of "$2"; fi; }

check_free_space() {
  local needed=0 i size part available
  for i in "${!PLAN_PATH[@]}"; do
    size="${PLAN_SIZE[$i]:-0}"
    part="$(file_size "$DEST/${PLAN_PATH[$i]}.part")"
    ((size > part)) && needed=$((needed + size - part))
  done
  available=$(( $(df -Pk "$DEST" | awk 'NR == 2 { print $4 }') * 1024 ))
  if ((needed > available)); then
    die "$EXIT_DISK" "not enough disk space in $DEST: $needed bytes needed, $available available"
  fi
}

# GET with resume into FILE.part; returns once the .part has the expected size (or curl succeeded).
download_part() {
  local path=$1 size=$2 part="$DEST/$1.part" url attempt=0 rc code have progress
  url="$(url_for "$path")"
  local errors=/dev/stderr   # a progress bar shares stderr with curl's messages
  if [[ -t 2 ]]; then progress=(--progress-bar); else progress=(--silent); errors="$CURL_ERR"; fi
  while :; do
    attempt=$((attempt + 1))
    have="$(file_size "$part")"
    if [[ -n "$size" ]] && ((have > size)); then rm -f "$part"; have=0; fi
    if [[ -n "$size" ]] && ((have == size)); then return 0; fi
    if ((have > 0)); then log "$path: resuming at byte $have${size:+ of $size}"; else log "$path: downloading${size:+ ($size bytes)}"; fi
    rc=0
    code="$(curl "${CURL_COMMON[@]}" "${progress[@]}" "${CURL_AUTH[@]}" --fail --location --max-redirs 10 \
            --continue-at - --output "$part" --write-out '%{http_code}' "$url" 2>"$errors")" || rc=$?
    if ((rc == 0)); then
      [[ -z "$size" ]] && return 0
      (( $(file_size "$part") == size )) && return 0
      rc=18   # the server ended the body early without an error
    fi
    if ((rc == 33)) || [[ "$code" == 416 ]]; then
      log "$path: server refused to resume; starting over"; rm -f "$part"
    else
      fail_or_retry "$rc" "$code" "$path"
    fi
    ((attempt < MAX_ATTEMPTS)) || die "$EXIT_RETRIES" "giving up on $path after $MAX_ATTEMPTS attempts (curl exit $rc, HTTP $code)"
    backoff "$attempt" "curl exit $rc, HTTP $code"
  done
}

# Downloads, verifies and renames one planned file.
fetch_file() {
  local path=$1 kind=$2 hash=$3 size=$4 part="$DEST/$1.part" resumed actual actual_size
  mkdir -p "$(dirname "$DEST/$path")"
  for round in 1 2; do
    resumed=0; (( $(file_size "$part") > 0 )) && resumed=1
    download_part "$path" "$size"
    actual="$(digest_of "$kind" "$part")"; actual_size="$(file_size "$part")"
    if [[ "$actual" == "$hash" && ( -z "$size" || "$actual_size" == "$size" ) ]]; then
      mv -f "$part" "$DEST/$path"
      [[ "$kind" == sha256 ]] || actual="$(sha256_of "$DEST/$path")"
      record_verified "$path" "$actual_size" "$actual"
      log "$path: verified ($kind $hash)"
      return 0
    fi
    rm -f "$part"
    if ((resumed && round == 1)); then log "$path: resumed file failed verification; downloading it again from scratch"; continue; fi
    die "$EXIT_INTEGRITY" "integrity check failed for $path: expected $kind $hash (${size:-?} bytes), got $actual ($actual_size bytes); file removed"
  done
}

# Records where the folder came from; the service reports it as the model's id and revision.
write_source() {
  printf '{"repo": "%s", "revision": "%s"}\n' "$REPO" "$REVISION" > "$DEST/model-source.json"
}

main() {
  parse_args "$@"
  require_tools
  trap cleanup EXIT
  setup_curl
  mkdir -p "$DEST" || die "$EXIT_DISK" "cannot create $DEST"
  [[ -w "$DEST" ]] || die "$EXIT_DISK" "$DEST is not writable"
  log "$REPO@$REVISION ($PRECISION) -> $DEST"
  local path i
  while IFS= read -r path; do plan_file "$path"; done < <(file_list)
  if ((${#ONLY[@]} == 0)); then for path in "${OPTIONAL_FILES[@]}"; do plan_file "$path"; done; fi
  ((${#ONLY[@]} == 0)) && write_source
  ((${#PLAN_PATH[@]} == 0)) && { log "all files present and verified"; exit "$EXIT_OK"; }
  check_free_space
  for i in "${!PLAN_PATH[@]}"; do
    fetch_file "${PLAN_PATH[$i]}" "${PLAN_KIND[$i]}" "${PLAN_HASH[$i]}" "${PLAN_SIZE[$i]}"
  done
  log "done: ${#PLAN_PATH[@]} file(s) downloaded and verified into $DEST"
}

main "$@"
