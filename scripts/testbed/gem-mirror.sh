#!/usr/bin/env bash
# A RubyGems mirror for the test bed: scripts/testbed/gem-mirror.sh up|status|down
#
# RubyGems.org is unreachable from these machines, so the gems a Ruby recipe installs come from a
# mirror, as in a company behind Artifactory or Nexus: the gems Debian packages (ruby-rack,
# ruby-sinatra and its dependencies, ruby-webrick, ruby-bundler) are installed on the host, each
# installed spec is packed back into a .gem with its files (Gem::Package.build), and
# `gem generate_index` writes the index Bundler and `gem install` read (specs.4.8.gz, quick/).
# A busybox httpd container (label parity.testbed=gem-mirror) serves that folder read-only on the
# engine's bridge gateway, where build RUN steps (bridge network) and this host both reach it:
#   http://<docker0 gateway>:8808/   (written to $PARITY_STATE_DIR/gem-mirror/url)
# The host's Ruby and Bundler are what a Ruby project's snapshot records, so `up` installs them too.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
tb_init gem-mirror

PORT=${PARITY_GEM_MIRROR_PORT:-8808}
NAME=parity-testbed-gem-mirror
ROOT="$PARITY_CACHE_DIR/gem-mirror"
URL_FILE="$(state_dir gem-mirror)/url"
# The gems on the mirror and the Debian packages that install them.
GEMS=(rack sinatra mustermann tilt rack-protection ruby2_keywords webrick bundler)
PACKAGES=(ruby ruby-bundler ruby-rack ruby-sinatra ruby-webrick)

gateway() { docker network inspect bridge -f '{{(index .IPAM.Config 0).Gateway}}'; }
mirror_url() { printf 'http://%s:%s/\n' "$(gateway)" "$PORT"; }
gem_count() { local files=("$ROOT"/gems/*.gem); [[ -e ${files[0]} ]] && echo "${#files[@]}" || echo 0; }
mirror_ok() { curl -fsS -m 5 -o /dev/null "$(mirror_url)specs.4.8.gz" 2>/dev/null; }

# Packs each installed (non-default) spec of the named gems into DIR/gems/<name>-<version>.gem. Debian
# keeps some gems' files in gem_dir and others' in vendor_ruby; the spec's file list says which.
pack_gems() {
  local dir=$1
  mkdir -p "$dir/gems"
  ruby - "$dir/gems" "${GEMS[@]}" >&2 <<'RUBY'
require 'rubygems/package'
require 'fileutils'
require 'tmpdir'
out = ARGV.shift
vendor = '/usr/lib/ruby/vendor_ruby'
ARGV.each do |name|
  specs = Gem::Specification.find_all_by_name(name).reject(&:default_gem?)
  abort "gem-mirror: no installed #{name} gem (Debian package missing?)" if specs.empty?
  specs.each do |installed|
    target = File.join(out, "#{installed.full_name}.gem")
    next if File.exist?(target)
    spec = installed.dup
    Dir.mktmpdir do |staging|
      if File.directory?(File.join(installed.gem_dir, 'lib'))
        FileUtils.cp_r(File.join(installed.gem_dir, '.'), staging)
      else
        installed.files.grep(%r{\Alib/}).each do |file|
          from = File.join(vendor, file.delete_prefix('lib/'))
          next unless File.file?(from)
          FileUtils.mkdir_p(File.dirname(File.join(staging, file)))
          FileUtils.cp(from, File.join(staging, file))
        end
      end
      files = Dir.chdir(staging) { Dir.glob('**/*', File::FNM_DOTMATCH).select { |f| File.file?(f) }.sort }
      abort "gem-mirror: #{installed.full_name} has no files on this host" if files.empty?
      spec.files = files
      spec.executables = spec.executables.select { |e| files.include?(File.join(spec.bindir, e)) }
      spec.extensions = []
      spec.signing_key = nil
      spec.cert_chain = []
      Dir.chdir(staging) { Gem::Package.build(spec, true, false, target) }
      warn "gem-mirror: packed #{File.basename(target)} (#{files.size} files)"
    end
  end
end
RUBY
}

build_index() {
  local dir=$1
  step "gem generate_index" run_logged "$(state_dir gem-mirror)/index.log" gem generate_index --directory "$dir"
}

start_server() {
  docker rm -f "$NAME" >/dev/null 2>&1 || true
  docker run -d --name "$NAME" --label parity.testbed=gem-mirror --restart unless-stopped \
    -p "$(gateway):$PORT:80" -v "$ROOT:/www:ro" busybox:latest httpd -f -p 80 -h /www >/dev/null
  local i
  for i in $(seq 1 50); do
    mirror_ok && return 0
    sleep 0.2
  done
  die "the gem mirror does not answer at $(mirror_url); docker logs $NAME"
}

cmd_up() {
  need_engine
  apt_install "${PACKAGES[@]}" curl
  has_tag busybox:latest || die "busybox:latest is missing; start with: $TESTBED_ENTRY up images"
  local before after
  before=$(gem_count)
  step "pack Debian's installed gems" pack_gems "$ROOT"
  after=$(gem_count)
  if ((after != before)) || [[ ! -s $ROOT/specs.4.8.gz ]]; then
    build_index "$ROOT"
  fi
  if mirror_ok && [[ $(docker inspect -f '{{index .Config.Labels "parity.testbed"}}' "$NAME" 2>/dev/null) == gem-mirror ]]; then
    log "gem mirror answers at $(mirror_url)"
  else
    step "start the gem mirror at $(mirror_url)" start_server
  fi
  mirror_url >"$URL_FILE"
}

cmd_status() {
  if ! docker_ok; then
    status_line gem-mirror "missing — no engine; start with: $TESTBED_ENTRY up engine images gem-mirror"
    return 1
  fi
  if mirror_ok; then
    status_line gem-mirror "ok — $(mirror_url) ($(gem_count) gems)"
  else
    status_line gem-mirror "missing — start with: $TESTBED_ENTRY up gem-mirror"
    return 1
  fi
}

cmd_down() {
  if docker inspect "$NAME" >/dev/null 2>&1; then
    step "remove $NAME" docker rm -f "$NAME" >/dev/null
  else
    log "$NAME not running"
  fi
  rm -f "$URL_FILE"
}

dispatch "$@"
