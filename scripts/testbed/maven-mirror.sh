#!/usr/bin/env bash
# A Maven repository mirror for the test bed: scripts/testbed/maven-mirror.sh up|status|down
#
# Maven Central is unreachable from these machines; a company builds through its own artifact server
# (Artifactory, Nexus) anyway. This serves what Debian packages — its Maven repository in
# /usr/share/maven-repo, filled by maven and the libmaven-*-java / library packages below — over HTTP, as
# such a server would: a copy with the links resolved, a maven-metadata.xml per artifact (versions, and the
# plugin prefixes of org.apache.maven.plugins) and a .sha1 per file, which Debian's folder lacks.
#
# Build steps run on the engine's bridge network and do not see the host's 127.0.0.1, so the server is a
# busybox httpd container (labelled parity.*) published on the bridge's gateway address:
#   http://<docker0 gateway>:$PARITY_MAVEN_MIRROR_PORT/   (default 8809; the gem mirror has 8808), written to
#   $PARITY_STATE_DIR/maven-mirror/url for tests and the CLI (PARITY_MAVEN_MIRROR).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_init maven-mirror

PORT=${PARITY_MAVEN_MIRROR_PORT:-8809}
STATE=$(state_dir maven-mirror)
REPO="$PARITY_CACHE_DIR/maven-mirror/repo"
STAMP="$PARITY_CACHE_DIR/maven-mirror/packages"
NAME=parity-testbed-maven-mirror
SERVER_IMAGE=busybox:latest
# What the Java fixtures build with: the lifecycle's plugins, the dependency plugin, jetty for a web app.
PACKAGES=(maven libmaven-compiler-plugin-java libmaven-jar-plugin-java libmaven-resources-plugin-java
  libsurefire-java libmaven-install-plugin-java libmaven-dependency-plugin-java libmaven-shade-plugin-java
  libjetty9-java)

gateway() { docker network inspect bridge -f '{{(index .IPAM.Config 0).Gateway}}'; }
mirror_url() { printf 'http://%s:%s/\n' "$(gateway)" "$PORT"; }
mirror_ok() { curl -fsS -m 5 -o /dev/null "$(mirror_url)org/apache/maven/plugins/maven-metadata.xml" 2>/dev/null; }

# The installed versions of the packages: when they change, the copy is made again.
package_versions() { dpkg-query -W -f='${Package} ${Version}\n' "${PACKAGES[@]}" 2>/dev/null | sort; }

# maven-metadata.xml for one artifact folder: every version it holds; latest/release the highest numeric one.
artifact_metadata() {
  local dir=$1 group=$2 artifact=$3 versions release numbered
  versions=$(find "$dir" -mindepth 2 -maxdepth 2 -name '*.pom' -printf '%h\n' | xargs -rn1 basename | sort -uV)
  [[ -n $versions ]] || return 0
  mapfile -t numbered <<<"$versions"
  release=$(grep -E '^[0-9]' <<<"$versions" | tail -n 1 || true)
  release=${release:-$(tail -n 1 <<<"$versions")}
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo "<metadata><groupId>$group</groupId><artifactId>$artifact</artifactId><versioning>"
    echo "<latest>$release</latest><release>$release</release><versions>"
    printf '<version>%s</version>\n' "${numbered[@]}"
    echo '</versions><lastUpdated>20240101000000</lastUpdated></versioning></metadata>'
  } >"$dir/maven-metadata.xml"
  # A Maven plugin: its prefix (dependency:, jar: …) goes into the group's metadata.
  local jar="$dir/$release/$artifact-$release.jar" prefix
  if [[ -f $jar ]] && grep -q '<packaging>maven-plugin</packaging>' "$dir/$release/$artifact-$release.pom" 2>/dev/null; then
    prefix=$(unzip -p "$jar" META-INF/maven/plugin.xml 2>/dev/null | sed -n 's|.*<goalPrefix>\(.*\)</goalPrefix>.*|\1|p' | head -n 1)
    [[ -z $prefix ]] || printf '%s %s\n' "$prefix" "$artifact" >>"$(dirname "$dir")/.plugins"
  fi
}

group_metadata() {
  local list=$1 dir
  dir=$(dirname "$list")
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<metadata><plugins>'
    sort -u "$list" | awk '{ printf "<plugin><name>%s</name><prefix>%s</prefix><artifactId>%s</artifactId></plugin>\n", $2, $1, $2 }'
    echo '</plugins></metadata>'
  } >"$dir/maven-metadata.xml"
  rm -f "$list"
}

stage_repository() {
  local tmp="$REPO.tmp" dir rel
  rm -rf "$tmp"
  mkdir -p "$tmp"
  cp -rL /usr/share/maven-repo/. "$tmp/"
  while IFS= read -r dir; do
    rel=${dir#"$tmp"/}
    artifact_metadata "$dir" "$(dirname "$rel" | tr / .)" "$(basename "$rel")"
  done < <(find "$tmp" -mindepth 2 -name '*.pom' -printf '%h\n' | xargs -rn1 dirname | sort -u)
  while IFS= read -r dir; do group_metadata "$dir"; done < <(find "$tmp" -name .plugins)
  # One sha1sum for all files; the shell only writes the results.
  local sum file
  find "$tmp" -type f ! -name '*.sha1' -print0 | xargs -0 sha1sum | while read -r sum file; do
    printf '%s' "$sum" >"$file.sha1"
  done
  rm -rf "$REPO"
  mv "$tmp" "$REPO"
  package_versions >"$STAMP"
}

cmd_up() {
  need_engine
  apt_install curl unzip "${PACKAGES[@]}"
  has_tag "$SERVER_IMAGE" || die "$SERVER_IMAGE is missing; start with: $TESTBED_ENTRY up images"
  if [[ ! -d $REPO || $(package_versions) != "$(cat "$STAMP" 2>/dev/null)" ]]; then
    step "copy Debian's Maven repository to $REPO (metadata, checksums)" stage_repository
  fi
  if ! mirror_ok; then
    docker rm -f "$NAME" >/dev/null 2>&1 || true
    log "starting $NAME on $(mirror_url)"
    docker run -d --name "$NAME" --restart unless-stopped \
      --label parity.managed=true --label parity.purpose=testbed --label parity.testbed=maven-mirror \
      -v "$REPO:/srv/maven:ro" -p "$(gateway):$PORT:80" "$SERVER_IMAGE" httpd -f -p 80 -h /srv/maven >/dev/null
    wait_until 20 mirror_ok || die "the Maven mirror did not answer on $(mirror_url); see: docker logs $NAME"
  fi
  mirror_url >"$STATE/url"
  log "Maven mirror on $(mirror_url) ($(find "$REPO" -name '*.jar' | wc -l) jars)"
}

cmd_status() {
  if docker_ok && mirror_ok; then
    status_line maven-mirror "ok — $(mirror_url) (Debian's Maven repository)"
  else
    status_line maven-mirror "missing — start with: $TESTBED_ENTRY up maven-mirror"
    return 1
  fi
}

cmd_down() {
  if docker ps -a --filter "name=^$NAME\$" --filter label=parity.testbed=maven-mirror -q | grep -q .; then
    docker rm -f "$NAME" >/dev/null
    log "stopped $NAME (the repository copy stays in $REPO)"
  fi
  rm -f "$STATE/url"
}

dispatch "$@"
