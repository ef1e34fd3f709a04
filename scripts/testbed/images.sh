#!/usr/bin/env bash
# Base images for the test bed: scripts/testbed/images.sh up|status|down
#
# Docker Hub is unreachable from these machines, so the images that recipes start FROM are made
# here and tagged with their official names:
#   debian:bookworm-slim, debian:12-slim      debootstrap minbase, slimmed like the official image
#   node:<X.Y.Z|X.Y|X>-bookworm-slim          every Node the host has (system + version managers)
#   python:<X.Y.Z|X.Y>-slim-bookworm          every CPython 3 the host has (pyenv, asdf, mise)
#   busybox:latest, busybox:<ver>             Debian's busybox-static in a FROM-scratch image
#   parity-testbed/musl:latest                musl loader + libc and busybox: a musl userland
#   golang:<X.Y.Z|X.Y>-bookworm               Debian's Go (golang-1.19, the only Go these machines can
#                                             get), laid out like the official image (/usr/local/go)
#   ruby:<X.Y.Z|X.Y>-slim-bookworm            Debian's ruby3.1 with its Bundler, the official image's
#                                             GEM_HOME/BUNDLE_APP_CONFIG (/usr/local/bundle) and PATH
#   eclipse-temurin:17-jdk|jre, maven:<mvn>-eclipse-temurin-17, gradle:<gradle>-jdk17
#                                             Debian's OpenJDK 17, Maven and Gradle (images-java.sh)
# Tags that already exist are skipped, so a second run costs next to nothing. The debootstrap
# rootfs, the downloaded .debs and the Python runtime base image are cached in PARITY_CACHE_DIR,
# so a fresh engine is re-seeded without debootstrap or apt inside a build.
#
# None of these images may contain the host's extra CA certificates
# (/usr/local/share/ca-certificates): official images don't, and coping with that gap is a
# feature of the product under test. Every build context is checked for them.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_init images
# shellcheck source=SCRIPTDIR/images-java.sh
source "$(dirname "${BASH_SOURCE[0]}")/images-java.sh"

CACHE=$(cache_dir)
STATE=$(state_dir)
BUILD_ROOT=$(cache_dir tmp) # on disk, beside the cache: build trees reach a GB
JOBS=${PARITY_JOBS:-2}

ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
DEBIAN_MIRROR=${PARITY_DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEBIAN_SECURITY_MIRROR=${PARITY_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
ROOTFS_TAR="$CACHE/rootfs/debian-bookworm-slim-$ARCH.tar"
DEBIAN_TAG=debian:bookworm-slim
PYTHON_BASE_TAG=parity-testbed/python-base:bookworm
MUSL_TAG=parity-testbed/musl:latest
YARN_VERSION=1.22.22
GO_SERIES=1.19 # Debian bookworm's golang-1.19-go
RUBY_SERIES=3.1 # Debian bookworm's ruby3.1

# Runtime libraries of the official python:*-slim-bookworm images (what their build keeps after
# scanning the interpreter's .so files with ldd), plus ca-certificates/netbase/tzdata.
PYTHON_RUNTIME_PKGS=(ca-certificates netbase tzdata libssl3 libsqlite3-0 libffi8 libbz2-1.0 liblzma5
  libreadline8 libncursesw6 libtinfo6 libgdbm6 libgdbm-compat4 libuuid1 libnsl2 libexpat1 zlib1g libdb5.3)

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

# new_scratch var name  — makes a scratch dir, stores its path in var, and removes it when the
# script exits (also on failure). Sets a variable rather than printing the path: a $(...) call
# would run in a subshell and the cleanup list would never learn about the dir.
SCRATCH=()
new_scratch() {
  local -n _dir=$1
  _dir=$(mktemp -d "$BUILD_ROOT/$2.XXXXXX")
  SCRATCH+=("$_dir")
}
cleanup_scratch() {
  local d
  for d in "${SCRATCH[@]}"; do remove_tree "$d"; done
}
trap cleanup_scratch EXIT

# rm -rf that first unmounts anything a chroot tool (debootstrap) left mounted below the tree.
remove_tree() {
  local dir=$1 m
  [[ -d $dir ]] || return 0
  while read -r m; do umount -l "$m" 2>/dev/null || true; done < <(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r)
  rm -rf --one-file-system "$dir"
}

# Base64 bodies of the host's locally added CA certificates (one per line, joined).
host_ca_bodies() {
  local f
  for f in /usr/local/share/ca-certificates/*.crt /usr/local/share/ca-certificates/*/*.crt; do
    [[ -f $f ]] || continue
    awk '/-----BEGIN CERTIFICATE-----/ { b = ""; inb = 1; next }
         /-----END CERTIFICATE-----/ { if (inb) print b; inb = 0; next }
         inb { gsub(/[ \r]/, ""); b = b $0 }' "$f"
  done
}

# Host tools (pip's vendored certifi here) may have had the host's CAs appended to their bundles.
# Remove exactly those certificates from every PEM bundle under dir, then insist none is left.
strip_host_cas() {
  local dir=$1 bodies f first
  bodies=$(host_ca_bodies)
  [[ -n $bodies ]] || return 0
  while IFS= read -r first; do
    while IFS= read -r -d '' f; do
      awk -v bodies="$bodies" '
        BEGIN { n = split(bodies, a, "\n"); for (i = 1; i <= n; i++) drop[a[i]] = 1 }
        /-----BEGIN CERTIFICATE-----/ { inb = 1; blk = $0 "\n"; b = ""; next }
        inb { blk = blk $0 "\n"
              if ($0 ~ /-----END CERTIFICATE-----/) { inb = 0; if (!(b in drop)) printf "%s", blk }
              else { line = $0; gsub(/[ \r]/, "", line); b = b line }
              next }
        { print }' "$f" >"$f.tmp"
      cat "$f.tmp" >"$f" # keep the file's mode and owner
      rm -f "$f.tmp"
      log "removed the host's extra CA certificates from ${f#"$dir"/}"
    done < <(grep -rlZF -- "${first:0:60}" "$dir" 2>/dev/null || true)
  done <<<"$bodies"
  assert_no_host_cas "$dir"
}

assert_no_host_cas() {
  local dir=$1 first hits
  while IFS= read -r first; do
    [[ -n $first ]] || continue
    hits=$(grep -rlF -- "${first:0:60}" "$dir" 2>/dev/null || true)
    [[ -z $hits ]] || die "host CA certificate found in build context: $hits"
  done < <(host_ca_bodies)
}

# "1:1.35.0-4+deb12u1+b1" -> "1.35.0"
upstream_version() {
  local v=${1#*:}
  printf '%s\n' "${v%%-*}"
}

# The version apt would install (apt-cache costs ~1 s here; warm paths read image labels instead).
pkg_candidate() {
  local c
  c=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')
  if [[ -z $c || $c == "(none)" ]]; then
    apt_update
    c=$(apt-cache policy "$1" | awk '/Candidate:/ { print $2 }')
  fi
  [[ -n $c && $c != "(none)" ]] || die "no installable version of the Debian package $1"
  printf '%s\n' "$c"
}

# The version label we put on imported images (empty when absent).
image_version() {
  local v
  v=$(docker image inspect -f '{{index .Config.Labels "org.opencontainers.image.version"}}' "$1" 2>/dev/null) || return 0
  [[ $v == "<no value>" ]] || printf '%s\n' "$v"
}

# tag_aliases repo suffix version...  — for every X.Y (and X, if with_major) among the exact
# versions, points repo:X.Y<suffix> at the highest exact version. Run after the builds.
tag_aliases() {
  local repo=$1 suffix=$2 with_major=$3 v key
  shift 3
  declare -A best=()
  # Versions come sorted ascending, so the last one written per key is the highest.
  for v in $(printf '%s\n' "$@" | sort -V); do
    has_tag "$repo:$v$suffix" || continue
    best[${v%.*}]=$v
    ((with_major)) && best[${v%%.*}]=$v
  done
  for key in "${!best[@]}"; do
    ensure_alias "$repo:${best[$key]}$suffix" "$repo:$key$suffix"
  done
}

# import_rootfs dir tag [docker import --change ...]  — tars a prepared root and imports it.
import_rootfs() {
  local root=$1 tag=$2
  shift 2
  tar --numeric-owner -C "$root" -c . | docker import "$@" - "$tag" >/dev/null
  mark_tag "$tag"
}

# ---------------------------------------------------------------------------------------------
# debian:bookworm-slim
# ---------------------------------------------------------------------------------------------

# What debuerreotype (the tool behind the official image) does to a slim rootfs: dpkg path
# excludes for docs/man/locales, the apt/dpkg settings for containers, no package lists or caches,
# deb822 sources with updates + security, and no host identity (hostname, resolv.conf).
slim_rootfs() {
  local r=${1:?rootfs dir}
  mkdir -p "$r/etc/dpkg/dpkg.cfg.d" "$r/etc/apt/apt.conf.d" "$r/etc/apt/sources.list.d"
  cat >"$r/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
# This is the "slim" variant of the Debian base image.
# Many files which are normally unnecessary in containers are excluded,
# and this configuration file keeps them that way.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
EOF
  echo 'force-unsafe-io' >"$r/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  cat >"$r/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$r/etc/apt/apt.conf.d/docker-autoremove-suggests"
  echo 'Acquire::GzipIndexes "true";' >"$r/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Acquire::Languages "none";' >"$r/etc/apt/apt.conf.d/docker-no-languages"
  printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
  chmod 755 "$r/usr/sbin/policy-rc.d"

  rm -f "$r/etc/apt/sources.list"
  cat >"$r/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $DEBIAN_MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $DEBIAN_SECURITY_MIRROR
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

  # Apply the path excludes to what debootstrap already unpacked.
  find "$r/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$r/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$r"/usr/share/{groff,info,linda,locale,man}/* "$r"/usr/share/lintian/overrides/*
  rm -rf "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/*.bin "$r"/var/cache/apt/archives/*.deb \
    "$r"/var/cache/apt/archives/partial/* "$r"/var/cache/debconf/*-old "$r"/var/lib/dpkg/*-old \
    "$r"/tmp/* "$r"/var/tmp/* "$r"/run/* "$r"/var/log/apt/* "$r"/var/log/*.log "$r"/var/log/bootstrap.log
  mkdir -p "$r/var/lib/apt/lists/partial"
  : >"$r/etc/resolv.conf"
  : >"$r/etc/hostname"
  rm -rf "${r:?}"/dev/* "${r:?}"/proc/* "${r:?}"/sys/*
}

make_debian_rootfs() {
  need_root "debootstrap"
  is_debian_like || die "debootstrap needs a Debian-like host; or put a bookworm rootfs tarball at $ROOTFS_TAR"
  apt_install debootstrap
  local root
  new_scratch root debootstrap
  step "debootstrap --variant=minbase bookworm (log: $STATE/debootstrap.log)" \
    run_logged "$STATE/debootstrap.log" debootstrap --variant=minbase --arch="$ARCH" bookworm "$root" "$DEBIAN_MIRROR"
  step "slim the rootfs" slim_rootfs "$root"
  assert_no_host_cas "$root"
  mkdir -p "$(dirname "$ROOTFS_TAR")"
  step "tar the rootfs into $ROOTFS_TAR" \
    tar --numeric-owner -C "$root" -cf "$ROOTFS_TAR.tmp" .
  mv "$ROOTFS_TAR.tmp" "$ROOTFS_TAR"
  remove_tree "$root"
}

seed_debian() {
  if has_tag "$DEBIAN_TAG"; then
    log "$DEBIAN_TAG exists"
  else
    if [[ -s $ROOTFS_TAR ]]; then
      log "using cached rootfs $ROOTFS_TAR"
    else
      make_debian_rootfs
    fi
    step "docker import $DEBIAN_TAG" docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["bash"]' "$ROOTFS_TAR" "$DEBIAN_TAG" >/dev/null
    mark_tag "$DEBIAN_TAG"
  fi
  ensure_alias "$DEBIAN_TAG" debian:12-slim
}

# ---------------------------------------------------------------------------------------------
# node:<version>-bookworm-slim
# ---------------------------------------------------------------------------------------------

# Prints "version<TAB>node binary<TAB>node_modules dir" for every distinct Node on the host:
# the one on the PATH, the usual system locations and the version managers' install folders.
node_installs() {
  local -A seen=()
  local c real ver prefix
  local candidates=("$(command -v node || true)" /usr/bin/node /usr/local/bin/node)
  candidates+=("${NVM_DIR:-$HOME/.nvm}"/versions/node/*/bin/node)
  candidates+=("${VOLTA_HOME:-$HOME/.volta}"/tools/image/node/*/bin/node)
  candidates+=("${FNM_DIR:-$HOME/.local/share/fnm}"/node-versions/*/installation/bin/node "$HOME"/.fnm/node-versions/*/installation/bin/node)
  candidates+=("${ASDF_DATA_DIR:-$HOME/.asdf}"/installs/nodejs/*/bin/node)
  candidates+=("${MISE_DATA_DIR:-$HOME/.local/share/mise}"/installs/node/*/bin/node)
  candidates+=("${N_PREFIX:-/usr/local}"/n/versions/node/*/bin/node)
  for c in "${candidates[@]}"; do
    [[ -n $c && -x $c ]] || continue
    real=$(readlink -f "$c")
    # Shims (volta, asdf, mise) are not the binary; their real installs are listed anyway.
    [[ ${real##*/} == node && -f $real ]] || continue
    ver=$("$real" --version 2>/dev/null) || continue
    ver=${ver#v}
    [[ $ver =~ ^[0-9]+\.[0-9]+\.[0-9]+$ && -z ${seen[$ver]:-} ]] || continue
    seen[$ver]=1
    prefix=$(dirname "$(dirname "$real")")
    printf '%s\t%s\t%s\n' "$ver" "$real" "$prefix/lib/node_modules"
  done
}

# Yarn classic, which the official images bundle (Node < 26), from the npm registry; cached.
yarn_tarball() {
  local dir f
  dir=$(cache_dir downloads)
  f="$dir/yarn-$YARN_VERSION.tgz"
  if [[ ! -s $f ]]; then
    local start
    start=$(now)
    command -v npm >/dev/null || return 1
    (cd "$dir" && npm pack --silent "yarn@$YARN_VERSION" >/dev/null 2>&1) || return 1
    [[ -s $f ]] || return 1
    log "downloaded yarn $YARN_VERSION (npm pack) in $(elapsed_since "$start")"
  fi
  printf '%s\n' "$f"
}

# The official image's entrypoint: run node when the first argument is a flag or not a command.
write_node_entrypoint() {
  cat >"$1" <<'EOF'
#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command. The last
# part inside the "{}" is a workaround for the following bug in ash/dash:
# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
EOF
  chmod 755 "$1"
}

build_node_image() {
  local ver=$1 bin=$2 modules=$3 tag="node:$1-bookworm-slim" ctx r yarn="" m
  new_scratch ctx "node-$ver"
  r="$ctx/rootfs"
  mkdir -p "$r/usr/local/bin" "$r/usr/local/lib/node_modules"
  cp "$bin" "$r/usr/local/bin/node"
  ln -s node "$r/usr/local/bin/nodejs"
  # npm and corepack as the official tarball lays them out, with the same bin symlinks.
  for m in npm corepack; do
    if [[ -d $modules/$m ]]; then
      cp -a "$modules/$m" "$r/usr/local/lib/node_modules/"
    else
      warn "node $ver: no $m in $modules; the image will lack it"
    fi
  done
  [[ -d $r/usr/local/lib/node_modules/npm ]] && ln -s ../lib/node_modules/npm/bin/npm-cli.js "$r/usr/local/bin/npm" &&
    ln -s ../lib/node_modules/npm/bin/npx-cli.js "$r/usr/local/bin/npx"
  [[ -d $r/usr/local/lib/node_modules/corepack ]] &&
    ln -s ../lib/node_modules/corepack/dist/corepack.js "$r/usr/local/bin/corepack"
  # Headers let node-gyp build addons without downloading them (the official image has them).
  if [[ -d $(dirname "$modules")/../include/node ]]; then
    mkdir -p "$r/usr/local/include"
    cp -a "$(dirname "$modules")/../include/node" "$r/usr/local/include/"
  fi
  if ((${ver%%.*} < 26)); then
    if yarn=$(yarn_tarball); then
      mkdir -p "$r/opt/yarn-v$YARN_VERSION"
      tar -xzf "$yarn" -C "$r/opt/yarn-v$YARN_VERSION" --strip-components=1
      ln -s "/opt/yarn-v$YARN_VERSION/bin/yarn" "$r/usr/local/bin/yarn"
      ln -s "/opt/yarn-v$YARN_VERSION/bin/yarnpkg" "$r/usr/local/bin/yarnpkg"
    else
      warn "node $ver: could not fetch yarn $YARN_VERSION from the npm registry; image built without yarn"
      yarn=""
    fi
  fi
  write_node_entrypoint "$r/usr/local/bin/docker-entrypoint.sh"
  strip_host_cas "$r"

  {
    echo "FROM $DEBIAN_TAG"
    echo 'RUN groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
    echo "ENV NODE_VERSION=$ver"
    [[ -n $yarn ]] && echo "ENV YARN_VERSION=$YARN_VERSION"
    echo 'COPY rootfs/ /'
    echo 'ENTRYPOINT ["docker-entrypoint.sh"]'
    echo 'CMD ["node"]'
  } >"$ctx/Dockerfile"
  step "build $tag" run_logged "$STATE/build-node-$ver.log" docker_build -t "$tag" "$ctx"
  mark_tag "$tag"
  step "verify $tag" verify_node_image "$tag" "$ver"
  remove_tree "$ctx"
}

verify_node_image() {
  local tag=$1 ver=$2 out
  # Through the entrypoint: a leading flag must run node.
  out=$(docker run --rm --network none "$tag" -p 'process.version')
  [[ $out == "v$ver" ]] || die "$tag: node reports '$out', expected v$ver"
  out=$(docker run --rm --network none "$tag" sh -c 'npm --version && corepack --version && (yarn --version 2>/dev/null || true) && id node')
  log "$tag: node v$ver, npm/corepack/yarn: $(echo "$out" | head -3 | paste -sd/ -), $(echo "$out" | tail -1)"
}

seed_node() {
  local ver bin modules versions=()
  while IFS=$'\t' read -r ver bin modules; do
    versions+=("$ver")
    if has_tag "node:$ver-bookworm-slim"; then
      log "node:$ver-bookworm-slim exists"
    else
      log "node $ver from $bin"
      build_node_image "$ver" "$bin" "$modules"
    fi
  done < <(node_installs)
  ((${#versions[@]})) || {
    warn "no Node installation found on the host; no node images"
    return 0
  }
  tag_aliases node -bookworm-slim 1 "${versions[@]}"
}

# ---------------------------------------------------------------------------------------------
# python:<version>-slim-bookworm
# ---------------------------------------------------------------------------------------------

# Prints "version<TAB>install dir" for every CPython 3.x.y the host has through pyenv, asdf or mise.
python_installs() {
  local -A seen=()
  local d name
  for d in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/* "${ASDF_DATA_DIR:-$HOME/.asdf}"/installs/python/* \
    "${MISE_DATA_DIR:-$HOME/.local/share/mise}"/installs/python/*; do
    [[ -d $d ]] || continue
    name=${d##*/}
    if [[ $name =~ ^2\. ]]; then
      log "skipping Python $name ($d): no official python:2.x image was ever built on bookworm"
      continue
    fi
    # Aliases ("3.12" -> 3.12.1), pypy-, miniconda-, free-threaded "t" builds are not python:X.Y.Z.
    [[ $name =~ ^3\.[0-9]+\.[0-9]+$ && ! -L $d ]] || {
      [[ -L $d ]] || log "skipping $d: not a plain CPython 3.x.y release"
      continue
    }
    [[ -x $d/bin/python3 && -z ${seen[$name]:-} ]] || continue
    seen[$name]=1
    printf '%s\t%s\n' "$name" "$(readlink -f "$d")"
  done
}

# Shared by every Python image: the apt part runs once, each version then is a single COPY layer.
# Saved to the cache (keyed by the Debian base layer) so a fresh engine loads it without apt.
seed_python_base() {
  has_tag "$PYTHON_BASE_TAG" && return 0
  local key saved ctx
  key=$(docker image inspect -f '{{index .RootFS.Layers 0}}' "$DEBIAN_TAG")
  key=${key#sha256:}
  saved="$(cache_dir images)/python-base-bookworm-${key:0:12}.tar"
  if [[ -s $saved ]]; then
    step "docker load $PYTHON_BASE_TAG (cached)" docker load -q -i "$saved" >/dev/null
    mark_tag "$PYTHON_BASE_TAG"
    return 0
  fi
  new_scratch ctx python-base
  cat >"$ctx/Dockerfile" <<EOF
FROM $DEBIAN_TAG
ENV PATH=/usr/local/bin:\$PATH
ENV LANG=C.UTF-8
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends ${PYTHON_RUNTIME_PKGS[*]}; \\
    rm -rf /var/lib/apt/lists/*
EOF
  step "build $PYTHON_BASE_TAG (apt-get inside the build)" \
    run_logged "$STATE/build-python-base.log" docker_build -t "$PYTHON_BASE_TAG" "$ctx"
  mark_tag "$PYTHON_BASE_TAG"
  step "save $PYTHON_BASE_TAG to $saved" docker save -o "$saved.tmp" "$PYTHON_BASE_TAG"
  mv "$saved.tmp" "$saved"
  remove_tree "$ctx"
}

# Copies an install into ctx/rootfs/usr/local and trims it the way the official image is trimmed.
stage_python() {
  local ver=$1 src=$2 r=$3 mm=${1%.*} lib sp keep f name
  mkdir -p "$r/usr/local"
  lib="lib/python$mm"
  sp="$lib/site-packages"
  # Official: no test suites, no bytecode, no static libpython. Site-packages comes separately.
  tar -C "$src" -cf - --exclude=test --exclude=tests --exclude=idle_test --exclude=__pycache__ \
    --exclude='*.pyc' --exclude='*.pyo' --exclude='libpython*.a' --exclude="./$sp" . |
    tar -C "$r/usr/local" -xf -
  # Only what ensurepip/the official image bring: pip (and setuptools/wheel where bundled).
  # Host installs can carry ~1 GB of extra packages, and a .pth hook for the host's proxy CA.
  mkdir -p "$r/usr/local/$sp"
  keep=()
  for f in "$src/$sp"/*; do
    name=${f##*/}
    case $name in
      pip | pip-*.dist-info | setuptools | setuptools-*.dist-info | pkg_resources | _distutils_hack | \
        distutils-precedence.pth | easy_install.py | wheel | wheel-*.dist-info | README.txt) keep+=("$name") ;;
    esac
  done
  ((${#keep[@]})) && tar -C "$src/$sp" -cf - --exclude=test --exclude=tests --exclude=__pycache__ \
    --exclude='*.pyc' "${keep[@]}" | tar -C "$r/usr/local/$sp" -xf -
  # Console scripts of extra packages go too; interpreter, pip, pydoc, idle, 2to3 stay.
  for f in "$r/usr/local/bin"/*; do
    name=${f##*/}
    [[ $name =~ ^(python|pip|pydoc|idle|2to3|easy_install|wheel)(-?[0-9.]*)?(-config|-gdb\.py)?$ ]] || rm -f "$f"
  done
  # The install was configured for its host folder: shebangs, sysconfig data, *-config, .pc.
  local esc
  esc=$(printf '%s' "$src" | sed 's/[][\.*^$/#]/\\&/g')
  grep -rlIZF -- "$src" "$r/usr/local" 2>/dev/null | xargs -0 -r sed -i "s#$esc#/usr/local#g"
  # What still names the host folder is binary: ELF files with a RUNPATH into it. The official
  # build has none (ldconfig finds libpython in /usr/local/lib), so drop it.
  local rpath
  while IFS= read -r -d '' f; do
    rpath=$(patchelf --print-rpath "$f" 2>/dev/null) || continue # not ELF
    [[ $rpath == *"$src"* ]] && patchelf --remove-rpath "$f"
  done < <(grep -rlZF -- "$src" "$r/usr/local/bin" "$r/usr/local/lib" 2>/dev/null || true)
  # The official image's convenience names (pyenv usually made them already).
  (
    cd "$r/usr/local/bin" || exit 1
    for f in idle3 pip3 pydoc3 python3 python3-config; do
      [[ -e $f && ! -e ${f//3/} ]] && ln -s "$f" "${f//3/}"
    done
    true
  )
  strip_host_cas "$r"
}

build_python_image() {
  local ver=$1 src=$2 tag="python:$1-slim-bookworm" ctx
  new_scratch ctx "python-$ver"
  step "stage Python $ver from $src" stage_python "$ver" "$src" "$ctx/rootfs"
  cat >"$ctx/Dockerfile" <<EOF
FROM $PYTHON_BASE_TAG
ENV PYTHON_VERSION=$ver
COPY rootfs/ /
RUN ldconfig
CMD ["python3"]
EOF
  step "build $tag" run_logged "$STATE/build-python-$ver.log" docker_build -t "$tag" "$ctx"
  remove_tree "$ctx"
  step "verify $tag" verify_python_image "$tag" "$ver"
}

# One container (each start costs ~0.5 s): version, the modules that need runtime libraries, pip,
# and an ldd scan for extension modules whose library is missing (tkinter excepted: the official
# slim image has no Tk either).
verify_python_image() {
  local tag=$1 ver=$2 out
  out=$(docker run --rm --network none "$tag" sh -c '
    python3 -c "import ssl, sqlite3, ctypes, lzma, bz2, zlib, hashlib, json, platform; print(platform.python_version())" || exit 1
    pip --version >/dev/null || { echo "pip does not run"; exit 1; }
    find /usr/local -name "*.so*" -type f ! -name "*tkinter*" -exec ldd {} + 2>/dev/null | grep "not found" | sort -u
    true') || die "$tag: verification failed: $out"
  [[ $(head -n 1 <<<"$out") == "$ver" ]] || die "$tag: python3 reports '$(head -n 1 <<<"$out")', expected $ver"
  [[ $(wc -l <<<"$out") -eq 1 ]] || warn "$tag: unresolved libraries: $(tail -n +2 <<<"$out" | paste -sd, -)"
}

seed_python() {
  local ver src versions=() todo=() running=0 failed=0 i
  while IFS=$'\t' read -r ver src; do
    versions+=("$ver")
    if has_tag "python:$ver-slim-bookworm"; then
      log "python:$ver-slim-bookworm exists"
    else
      todo+=("$ver"$'\t'"$src")
    fi
  done < <(python_installs)
  ((${#versions[@]})) || {
    warn "no CPython 3 installation found (pyenv, asdf, mise); no python images"
    return 0
  }
  if ((${#todo[@]})); then
    apt_install patchelf
    seed_python_base
    # Staging is disk-bound and a build mostly waits for the daemon: $JOBS at a time suits 2 cores.
    # `wait -n` frees a slot as soon as any build ends.
    for i in "${!todo[@]}"; do
      IFS=$'\t' read -r ver src <<<"${todo[$i]}"
      # A subshell does not inherit the EXIT trap: give it its own scratch list and cleanup.
      (
        SCRATCH=()
        trap cleanup_scratch EXIT
        build_python_image "$ver" "$src"
      ) &
      running=$((running + 1))
      if ((running >= JOBS)); then
        wait -n || failed=$((failed + 1))
        running=$((running - 1))
      fi
    done
    while ((running > 0)); do
      wait -n || failed=$((failed + 1))
      running=$((running - 1))
    done
    load_tags # the builds ran in subshells
    ((failed == 0)) || die "$failed Python image build(s) failed (logs: $STATE/build-python-*.log)"
  fi
  tag_aliases python -slim-bookworm 0 "${versions[@]}"
}

# ---------------------------------------------------------------------------------------------
# busybox and the musl userland
# ---------------------------------------------------------------------------------------------

# The skeleton of the official busybox image: users/groups, nsswitch, the usual dirs.
write_busybox_skeleton() {
  local r=$1
  mkdir -p "$r"/{bin,etc,home,root,tmp,var/spool/mail,var/www}
  chmod 1777 "$r/tmp"
  chmod 700 "$r/root"
  cat >"$r/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
EOF
  cat >"$r/etc/group" <<'EOF'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nogroup:x:65534:
EOF
  printf 'hosts: files dns\nnetworks: files\n' >"$r/etc/nsswitch.conf"
}

# install_busybox deb root  — the static binary in /bin plus one hard link per applet, like the
# official image (hard links keep the layer at one binary's size).
install_busybox() {
  local deb=$1 r=$2 x applet
  new_scratch x busybox-deb
  dpkg-deb -x "$deb" "$x"
  install -m 755 "$x/bin/busybox" "$r/bin/busybox"
  for applet in $("$r/bin/busybox" --list); do
    [[ -e $r/bin/$applet ]] || ln "$r/bin/busybox" "$r/bin/$applet"
  done
}

seed_busybox() {
  local ver="" mm r deb
  has_tag busybox:latest && ver=$(image_version busybox:latest)
  [[ -n $ver ]] || ver=$(upstream_version "$(pkg_candidate busybox-static)")
  mm=${ver%.*}
  if has_tag "busybox:$ver"; then
    log "busybox:$ver exists"
  else
    deb=$(apt_download busybox-static "$(cache_dir debs)")
    new_scratch r busybox-root
    write_busybox_skeleton "$r"
    install_busybox "$deb" "$r"
    step "docker import busybox:$ver" import_rootfs "$r" "busybox:$ver" --change 'CMD ["sh"]' \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change "LABEL org.opencontainers.image.version=$ver"
    docker run --rm --network none "busybox:$ver" sh -c 'echo ok' >/dev/null || die "busybox:$ver does not run sh"
  fi
  ensure_alias "busybox:$ver" "busybox:$mm"
  ensure_alias "busybox:$ver" busybox:latest
}

seed_musl() {
  local musl_ver="" bb_ver r musl_deb bb_deb x loader march
  has_tag "$MUSL_TAG" && musl_ver=$(image_version "$MUSL_TAG")
  if [[ -n $musl_ver ]]; then
    log "$MUSL_TAG exists"
    ensure_alias "$MUSL_TAG" "parity-testbed/musl:$musl_ver"
    return 0
  fi
  musl_ver=$(upstream_version "$(pkg_candidate musl)")
  bb_ver=$(upstream_version "$(pkg_candidate busybox-static)")
  musl_deb=$(apt_download musl "$(cache_dir debs)")
  bb_deb=$(apt_download busybox-static "$(cache_dir debs)")
  new_scratch r musl-root
  write_busybox_skeleton "$r"
  install_busybox "$bb_deb" "$r"
  # Debian's layout: libc in /lib/<triplet>-musl, the loader a symlink to it.
  new_scratch x musl-deb
  dpkg-deb -x "$musl_deb" "$x"
  cp -a "$x/lib" "$r/"
  cp -a "$x/etc/." "$r/etc/"
  loader=$(cd "$r/lib" && ls ld-musl-*.so.1)
  march=${loader#ld-musl-}
  march=${march%.so.1}
  # ldd as musl systems have it: the loader in list mode. `ldd --version` prints the musl banner,
  # which is what libc detection (detect-libc, pip's packaging) looks for.
  mkdir -p "$r/usr/bin"
  printf '#!/bin/sh\nexec /lib/%s --list "$@"\n' "$loader" >"$r/usr/bin/ldd"
  chmod 755 "$r/usr/bin/ldd"
  cat >"$r/etc/os-release" <<EOF
NAME="Parity musl test userland"
ID=parity-musl
VERSION_ID=$musl_ver
PRETTY_NAME="Parity musl test userland (musl $musl_ver, BusyBox $bb_ver)"
HOME_URL="https://musl.libc.org/"
EOF
  step "docker import $MUSL_TAG" import_rootfs "$r" "$MUSL_TAG" --change 'CMD ["sh"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change "LABEL org.opencontainers.image.version=$musl_ver" \
    --change "LABEL org.opencontainers.image.description=\"musl $musl_ver ($march) with BusyBox $bb_ver; not Alpine\""
  docker run --rm --network none "$MUSL_TAG" sh -c 'ldd --version 2>&1 | grep -q "^musl libc"' ||
    die "$MUSL_TAG: ldd --version does not report musl"
  ensure_alias "$MUSL_TAG" "parity-testbed/musl:$musl_ver"
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

# Every tag `up` should produce on this host (used by status).
# golang:<ver>-bookworm the way the official image is laid out — toolchain in /usr/local/go, GOPATH=/go,
# gcc and libc headers for cgo, git for modules — but with Debian's packaged Go, the only one reachable here.
seed_golang() {
  local tag="golang:$GO_SERIES-bookworm" ctx exact
  if has_tag "$tag"; then
    return 0
  fi
  new_scratch ctx golang
  cat >"$ctx/Dockerfile" <<EOF
FROM $DEBIAN_TAG
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends golang-$GO_SERIES-go gcc libc6-dev git ca-certificates make pkg-config; \\
    rm -rf /var/lib/apt/lists/*; \\
    ln -s /usr/lib/go-$GO_SERIES /usr/local/go; \\
    mkdir -p /go/bin /go/src
ENV GOLANG_VERSION=$GO_SERIES GOPATH=/go PATH=/go/bin:/usr/local/go/bin:\$PATH
WORKDIR /go
EOF
  assert_no_host_cas "$ctx"
  step "build $tag (Debian golang-$GO_SERIES-go, apt-get inside the build)" \
    run_logged "$STATE/build-golang.log" docker_build -t "$tag" "$ctx"
  mark_tag "$tag"
  exact=$(docker run --rm "$tag" go env GOVERSION)
  exact=${exact#go}
  ensure_alias "$tag" "golang:$exact-bookworm"
  remove_tree "$ctx"
}

# ruby:<ver>-slim-bookworm as the official slim image sets it up — Ruby with RubyGems and Bundler, gems
# into GEM_HOME=/usr/local/bundle (also Bundler's app config), its bin first on the PATH, no compiler — but
# with Debian's ruby$RUBY_SERIES, the only Ruby these machines can get. apt-get runs inside the build.
seed_ruby() {
  local tag="ruby:$RUBY_SERIES-slim-bookworm" ctx exact
  if has_tag "$tag"; then
    return 0
  fi
  new_scratch ctx ruby
  cat >"$ctx/Dockerfile" <<EOF
FROM $DEBIAN_TAG
RUN set -eux; \\
    apt-get update; \\
    apt-get install -y --no-install-recommends ruby$RUBY_SERIES ruby ruby-bundler ca-certificates; \\
    rm -rf /var/lib/apt/lists/*; \\
    mkdir -p /usr/local/bundle; \\
    chmod 1777 /usr/local/bundle
ENV LANG=C.UTF-8 GEM_HOME=/usr/local/bundle BUNDLE_SILENCE_ROOT_WARNING=1 BUNDLE_APP_CONFIG=/usr/local/bundle
ENV PATH=/usr/local/bundle/bin:\$PATH
CMD ["irb"]
EOF
  assert_no_host_cas "$ctx"
  step "build $tag (Debian ruby$RUBY_SERIES, apt-get inside the build)" \
    run_logged "$STATE/build-ruby.log" docker_build -t "$tag" "$ctx"
  mark_tag "$tag"
  exact=$(docker run --rm --network none "$tag" ruby -e 'print RUBY_VERSION')
  [[ $exact =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "$tag: ruby reports '$exact'"
  docker run --rm --network none "$tag" bundle --version >/dev/null || die "$tag: bundle does not run"
  ensure_alias "$tag" "ruby:$exact-slim-bookworm"
  remove_tree "$ctx"
}

expected_tags() {
  local ver bin modules src
  echo "$DEBIAN_TAG" debian:12-slim
  while IFS=$'\t' read -r ver bin modules; do
    echo "node:$ver-bookworm-slim node:${ver%.*}-bookworm-slim node:${ver%%.*}-bookworm-slim"
  done < <(node_installs)
  while IFS=$'\t' read -r ver src; do
    echo "python:$ver-slim-bookworm python:${ver%.*}-slim-bookworm"
  done < <(python_installs 2>/dev/null)
  echo busybox:latest "$MUSL_TAG"
  echo "golang:$GO_SERIES-bookworm"
  echo "ruby:$RUBY_SERIES-slim-bookworm"
  java_expected_tags
}

cmd_up() {
  need_engine
  local start
  start=$(now)
  seed_debian
  seed_busybox
  seed_musl
  seed_node
  seed_python
  seed_golang
  seed_ruby
  seed_java
  log "images ready in $(elapsed_since "$start")"
}

cmd_status() {
  if ! docker_ok; then
    status_line images "missing — no engine; start with: $TESTBED_ENTRY up engine images"
    return 1
  fi
  local t present=() missing=()
  for t in $(expected_tags | tr ' ' '\n' | sort -u); do
    if has_tag "$t"; then present+=("$t"); else missing+=("$t"); fi
  done
  if ((${#missing[@]})); then
    status_line images "missing ${missing[*]} (${#present[@]} present) — start with: $TESTBED_ENTRY up images"
    return 1
  fi
  status_line images "ok — ${#present[@]} tags: ${present[*]}"
}

cmd_down() { log "images stay (they are the cache); remove with docker rmi if needed"; }

dispatch "$@"
