#!/usr/bin/env bash
# Builds the JVM image (src/main/docker/Dockerfile.jvm) with buildah, daemonless, on a base made here:
# a Debian 12 (bookworm) rootfs from debootstrap plus a jlinked Temurin 25 runtime. The AOT cache is recorded
# inside the image build by that same runtime. See docs/CONTAINERS.md.
set -euo pipefail

readonly PROG=build-image
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly ROOT_DIR
readonly WORK="$ROOT_DIR/build/image"
readonly JDK="${JDK_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
readonly BASE_TAG="${BASE_TAG:-localhost/nlen-jvm-base:debian12-temurin25}"
IMAGE_TAG="${IMAGE_TAG:-localhost/nlen-translator:jvm}"
# Modules from jdeps over target/quarkus-app (java.desktop: java.beans for Quarkus core, SmallRye OpenAPI, DJL;
# java.compiler: javax.lang.model references in ICU4J and Vert.x), plus locale data for en/nl and zipfs.
readonly JRE_MODULES="${JRE_MODULES:-java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.localedata,jdk.management,jdk.unsupported,jdk.zipfs}"
SKIP_PACKAGE=0
REBUILD_BASE=0
TRAINING_MODEL=""
BUILDAH=(buildah --storage-driver vfs)

usage() {
  cat <<USAGE
Usage: scripts/build-image.sh [options]

  --skip-package         use the existing target/quarkus-app instead of running ./mvnw package
  --rebuild-base         make the Debian rootfs, the jlinked JRE and the base image again
  --training-model DIR   model folder loaded during the AOT training run (default: the stand-in
                         src/test/resources/models/tiny-dict, else ../shared/models/opus-mt-nl-en-tiny-hf,
                         else none)
  --tag NAME             image name (default: $IMAGE_TAG)
  -h, --help             this text

Environment: JDK_HOME (default $JDK), DEBIAN_MIRROR (default: the bookworm mirror apt uses here),
JRE_MODULES (comma-separated jlink modules), BASE_TAG.
Needs root (debootstrap, buildah with the vfs driver and chroot isolation); installs debootstrap and
buildah with apt-get when missing.
USAGE
}

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

parse_args() {
  while (($#)); do
    case "$1" in
      --skip-package) SKIP_PACKAGE=1; shift ;;
      --rebuild-base) REBUILD_BASE=1; shift ;;
      --training-model) TRAINING_MODEL="${2:?--training-model needs a folder}"; shift 2 ;;
      --tag) IMAGE_TAG="${2:?--tag needs a name}"; shift 2 ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
  done
}

ensure_tools() {
  ((EUID == 0)) || die "run as root (debootstrap and buildah's vfs storage need it)"
  local missing=()
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v buildah >/dev/null || missing+=(buildah)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  [[ -x "$JDK/bin/jlink" ]] || die "no jlink in $JDK (set JDK_HOME to a JDK 25)"
}

# The bookworm mirror apt is configured with here (deb822 .sources or one-line sources.list).
debian_mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri="$(awk '/^URIs:/ { u = $2 } /^Suites:.*bookworm( |$)/ && u != "" && u !~ /security/ { print u; exit }' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
  [[ -n "$uri" ]] || uri="$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}

make_rootfs() {
  local rootfs="$WORK/rootfs"
  if [[ -f "$WORK/rootfs.done" && $REBUILD_BASE -eq 0 ]]; then log "rootfs: reusing $rootfs"; return; fi
  rm -rf "$rootfs" "$WORK/rootfs.done"
  local mirror; mirror="$(debian_mirror)"
  log "rootfs: debootstrap --variant=minbase bookworm from $mirror"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK/debootstrap.log" >&2; die "debootstrap failed (log: $WORK/debootstrap.log)"; }
  # What a runtime never reads: docs, man pages, translations, package caches and lists.
  rm -rf "$rootfs"/usr/share/{doc,man,info,locale}/* "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* \
         "$rootfs"/var/log/*.log "$rootfs"/var/cache/debconf/*-old
  [[ -e "$rootfs/usr/lib/x86_64-linux-gnu/libstdc++.so.6" ]] || die "rootfs lacks libstdc++ (needed by ONNX Runtime and DJL)"
  touch "$WORK/rootfs.done"
}

make_jre() {
  local jre="$WORK/jre" stamp="$WORK/jre.modules"
  if [[ -x "$jre/bin/java" && -f "$stamp" && "$(cat "$stamp")" == "$JRE_MODULES" && $REBUILD_BASE -eq 0 ]]; then
    log "jre: reusing $jre"; return
  fi
  rm -rf "$jre" "$stamp"
  log "jre: jlink $JRE_MODULES"
  "$JDK/bin/jlink" --add-modules "$JRE_MODULES" --include-locales=en,nl --strip-debug --no-header-files \
    --no-man-pages --generate-cds-archive --output "$jre"
  rm -f "$jre/lib/server/classes_nocoops.jsa"   # only for heaps over 32 GB (no compressed oops)
  echo "$JRE_MODULES" >"$stamp"
}

make_base_image() {
  if [[ $REBUILD_BASE -eq 0 ]] && "${BUILDAH[@]}" inspect --type image "$BASE_TAG" >/dev/null 2>&1 \
     && [[ "$WORK/rootfs.done" -ot "$WORK/base.done" && "$WORK/jre.modules" -ot "$WORK/base.done" ]]; then
    log "base: reusing $BASE_TAG"; return
  fi
  log "base: assembling $BASE_TAG"
  local ctr mnt
  ctr="$("${BUILDAH[@]}" from scratch)"
  mnt="$("${BUILDAH[@]}" mount "$ctr")"
  cp -a "$WORK/rootfs/." "$mnt/"
  mkdir -p "$mnt/opt"
  cp -a "$WORK/jre" "$mnt/opt/java"
  "${BUILDAH[@]}" umount "$ctr" >/dev/null
  "${BUILDAH[@]}" config --env LANG=C.UTF-8 --env JAVA_HOME=/opt/java \
    --env PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd /bin/bash --label org.opencontainers.image.description="Debian 12 minbase + jlinked Temurin 25" "$ctr"
  local previous; previous="$(image_id "$BASE_TAG")"
  "${BUILDAH[@]}" commit --quiet --rm "$ctr" "$BASE_TAG" >/dev/null
  drop_replaced "$previous" "$BASE_TAG"
  touch "$WORK/base.done"
}

package_app() {
  if ((SKIP_PACKAGE)); then
    [[ -f "$ROOT_DIR/target/quarkus-app/quarkus-run.jar" ]] || die "--skip-package, but target/quarkus-app is missing"
    return
  fi
  log "app: ./mvnw package -DskipTests"
  (cd "$ROOT_DIR" && JAVA_HOME="$JDK" ./mvnw -B -q package -DskipTests)
}

# The lead's committed stand-in when there is one, else the shared Hugging Face-made one beside the checkout.
default_stand_in() {
  local candidate
  for candidate in "$ROOT_DIR/src/test/resources/models/tiny-dict" "$ROOT_DIR/../shared/models/opus-mt-nl-en-tiny-hf"; do
    if [[ -f "$candidate/config.json" ]]; then (cd "$candidate" && pwd); return; fi
  done
}

# Copies the training model into the build context (target/ is git-ignored, .dockerignore lets this through).
stage_training_model() {
  local stage="$ROOT_DIR/target/docker-training-model" source="$TRAINING_MODEL"
  if [[ -z "$source" ]]; then source="$(default_stand_in)"; fi
  rm -rf "$stage"
  if [[ -z "$source" ]]; then
    TRAINING_ARG=src/main/docker/no-model
    log "training: no stand-in model; the training run exercises start-up and the HTTP stack only"
    return
  fi
  [[ -f "$source/config.json" ]] || die "training model $source has no config.json"
  cp -a "$source" "$stage"
  TRAINING_ARG=target/docker-training-model
  log "training: model $source"
}

image_id() { "${BUILDAH[@]}" inspect --type image --format '{{.FromImageID}}' "$1" 2>/dev/null || true; }

# vfs keeps full copies of every image: remove the one a new build of ours just replaced (only that one).
drop_replaced() {
  local previous=$1 tag=$2
  if [[ -n "$previous" && "$previous" != "$(image_id "$tag")" ]]; then
    "${BUILDAH[@]}" rmi "$previous" >/dev/null 2>&1 || true
  fi
}

build_app_image() {
  log "image: buildah bud -f src/main/docker/Dockerfile.jvm -t $IMAGE_TAG"
  local start=$SECONDS previous
  previous="$(image_id "$IMAGE_TAG")"
  (cd "$ROOT_DIR" && "${BUILDAH[@]}" bud --isolation chroot --layers=false --format docker \
     --build-arg BASE_IMAGE="$BASE_TAG" --build-arg TRAINING_MODEL_SOURCE="$TRAINING_ARG" \
     -f src/main/docker/Dockerfile.jvm -t "$IMAGE_TAG" .) >"$WORK/bud.log" 2>&1 \
    || { tail -n 40 "$WORK/bud.log" >&2; die "image build failed (log: $WORK/bud.log)"; }
  drop_replaced "$previous" "$IMAGE_TAG"
  grep -E '^(aot-train|GET|POST)' "$WORK/bud.log" | sort | uniq -c >&2 || true
  log "image: built in $((SECONDS - start)) s"
}

report_sizes() {
  local jre_mb rootfs_mb
  jre_mb="$(du -sm "$WORK/jre" | cut -f1)"; rootfs_mb="$(du -sm "$WORK/rootfs" | cut -f1)"
  log "sizes: rootfs ${rootfs_mb} MB, jlinked JRE ${jre_mb} MB, app $(du -sm "$ROOT_DIR/target/quarkus-app" | cut -f1) MB"
  "${BUILDAH[@]}" images --format '{{.Name}}:{{.Tag}} {{.Size}}' | grep -E "nlen-" >&2 || true
}

main() {
  parse_args "$@"
  ensure_tools
  mkdir -p "$WORK"
  make_rootfs
  make_jre
  make_base_image
  package_app
  stage_training_model
  build_app_image
  report_sizes
}

main "$@"
