import { CA_SETTING_VARS, LOCAL_CA_DIRS } from '../snapshot/extraCertificates';

/**
 * The probe: one POSIX sh script, run unchanged as `/bin/sh -c PROBE_SCRIPT` in Debian (dash), BusyBox (ash)
 * and musl userlands. It needs nothing beyond BusyBox applets (every other tool is behind `command -v`),
 * writes no files and runs in tens of milliseconds.
 *
 * Output (read by parseProbeOutput): one record per line, fields separated by a tab; in a field, "%",
 * tab, CR and LF are written as %25, %09, %0D, %0A. The first record is `parity-probe<TAB>1` (format
 * version), the last `end`; a missing `end` means the output was cut short. Records:
 *
 *   os-release LINE · uname SYSNAME RELEASE MACHINE · libc FAMILY VERSION-TEXT HOW
 *   runtime NAME PATH VERSION-TEXT · pm NAME PATH VERSION HOW PACKAGE-NAME
 *   pkgdb MANAGER · pkg MANAGER NAME VERSION STATUS
 *   env NAME SHA256(KEY "NAME=value")  (empty hash when sha256sum or the key is missing; the value is never printed)
 *   env-key missing  (no valid key arrived on stdin, so env values were not hashed)
 *   locale-var NAME VALUE · locale-charmap CHARMAP · tz-var TZ · tz-file NAME · tz-localtime LINK · tz-offset +HHMM
 *   user UID GID NAME HOME · umask OCTAL · limit nofile|nproc SOFT HARD · cpus N · meminfo LINE · cgroup FILE VALUE
 *   ca-setting NAME VALUE · ca-file VIA PATH SHA256 · ca-pem LINE (the PEM lines of the preceding ca-file)
 *   ca-missing VIA PATH · ca-too-big VIA PATH · cwd PATH · fs-case sensitive|insensitive|unknown TESTED-PATH
 *
 * Shell notes: no `local` (functions share globals, all prefixed `_`), one name per `command -v`, and
 * values are only percent-encoded through awk when they hold a character that needs it. Every process costs
 * a few milliseconds of CPU, and a Swarm service's tasks are probed at once on the same node: lookups on PATH,
 * first lines and field splits are done in the shell itself, not in a command substitution.
 *
 * Input: the first line of stdin is the env hash key, 64 hex digits (see hashEnvValue). stdin is the one
 * channel that reaches the probe without being written down — an argument or an env var would sit in the
 * container's config on disk, in the engine's records and in /proc for other processes to read. The key
 * only ever meets printf, a shell builtin, so it is in no process's command line either.
 */
// The CA settings and folders are shared with host capture, so both look in the same places.
export const PROBE_SCRIPT = `_T='\t'
_R='\r'
_N='
'
# Percent-encodes %, tab, CR and LF; the awk fork only happens for the rare value that needs it.
_pq() {
    case $1 in
    *%* | *"$_T"* | *"$_N"* | *"$_R"*)
        _pv=$(printf '%sx' "$1" | awk '{ gsub(/%/, "%25"); gsub(/\\t/, "%09"); gsub(/\\r/, "%0D"); s = (NR > 1) ? s "%0A" $0 : $0 } END { printf "%s", substr(s, 1, length(s) - 1) }') ;;
    *) _pv=$1 ;;
    esac
}
# One record: its fields, encoded, joined by tabs.
_pr() {
    _pl=$1
    shift
    for _pf in "$@"; do
        _pq "$_pf"
        _pl="$_pl$_T$_pv"
    done
    printf '%s\\n' "$_pl"
}
_has() { command -v "$1" >/dev/null 2>&1; }
# The first executable file NAME in an absolute PATH folder, as command -v finds it, without a subshell.
_path() {
    _pp=
    _pifs=$IFS
    IFS=:
    set -f
    for _pd in $PATH; do
        case $_pd in /*) ;; *) continue ;; esac
        if [ -f "$_pd/$1" ] && [ -x "$_pd/$1" ]; then
            _pp=$_pd/$1
            break
        fi
    done
    set +f
    IFS=$_pifs
    [ -n "$_pp" ]
}
# The first line of "$1" into _p1.
_line1() { _p1=\${1%%"$_N"*}; }
_real() {
    _pr2=$(readlink -f "$1" 2>/dev/null) || _pr2=$1
    [ -n "$_pr2" ] || _pr2=$1
}
_first() { IFS= read -r _p1 <"$1" || [ -n "$_p1" ]; } 2>/dev/null

# The env hash key, then stdin is let go: nothing the probe runs may wait on it.
_k=
IFS= read -r _k || :
exec </dev/null
case $_k in *[!0-9a-f]*) _k= ;; esac
[ \${#_k} -eq 64 ] || _k=

printf 'parity-probe\\t1\\n'

if [ -r /etc/os-release ]; then _osr=/etc/os-release; elif [ -r /usr/lib/os-release ]; then _osr=/usr/lib/os-release; else _osr=; fi
if [ -n "$_osr" ]; then
    while IFS= read -r _l || [ -n "$_l" ]; do _pr os-release "$_l"; done <"$_osr"
fi
_un=$(uname -s -r -m 2>/dev/null)
case $_un in
*' '*' '*)
    _ur=\${_un#* }
    _pr uname "\${_un%% *}" "\${_ur%% *}" "\${_ur#* }"
    ;;
*) _pr uname "" "" "" ;;
esac

# libc: glibc's getconf answers GNU_LIBC_VERSION; musl's loader prints its banner when run bare.
_lv=
if _has getconf; then _lv=$(getconf GNU_LIBC_VERSION 2>/dev/null); fi
if [ -n "$_lv" ]; then
    _pr libc glibc "$_lv" getconf
else
    _lm=
    for _f in /lib/ld-musl-*.so.1; do [ -e "$_f" ] && _lm=$_f && break; done
    if [ -n "$_lm" ]; then
        _pr libc musl "$("$_lm" 2>&1 | sed -n 's/^Version //p')" "$_lm"
    else
        _lg=
        for _f in /lib/*/libc.so.6 /lib64/libc.so.6 /lib/libc.so.6 /usr/lib/*/libc.so.6 /usr/lib64/libc.so.6; do [ -e "$_f" ] && _lg=$_f && break; done
        if [ -n "$_lg" ]; then
            if _has ldd; then _lv=$(ldd --version 2>&1 | head -n 1); fi
            [ -n "$_lv" ] || _lv=$("$_lg" 2>&1 | head -n 1)
            _pr libc glibc "$_lv" "$_lg"
        else
            _pr libc none "" ""
        fi
    fi
fi

# Runtimes: path and the first line of the version output; core extracts the version.
if _path node; then _line1 "$("$_pp" --version 2>&1 </dev/null)" && _pr runtime node "$_pp" "$_p1"; fi
if _path python3 || _path python; then _line1 "$("$_pp" --version 2>&1 </dev/null)" && _pr runtime python "$_pp" "$_p1"; fi
if _path go; then
    _real "$_pp"
    _gv=
    [ -r "\${_pr2%/bin/go}/VERSION" ] && _first "\${_pr2%/bin/go}/VERSION" && _gv=$_p1
    [ -n "$_gv" ] || _gv=$(GOTOOLCHAIN=local go version 2>&1 </dev/null | head -n 1)
    _pr runtime go "$_pp" "$_gv"
fi
if _path java; then
    _real "$_pp"
    _jv=
    [ -r "\${_pr2%/bin/java}/release" ] && _jv=$(sed -n 's/^JAVA_VERSION=//p' "\${_pr2%/bin/java}/release" | tr -d '"')
    [ -n "$_jv" ] || _jv=$(java -version 2>&1 </dev/null | head -n 1)
    _pr runtime java "$_pp" "$_jv"
fi
if _path ruby; then _line1 "$("$_pp" --version 2>&1 </dev/null)" && _pr runtime ruby "$_pp" "$_p1"; fi

# JavaScript package managers: read the nearest package.json (running them is slow, and a Corepack
# shim would try to download); core checks the package name to tell a real install from a shim.
_pmjs() {
    _path "$1" || return 0
    _real "$_pp"
    _d=\${_pr2%/*}
    for _i in 1 2 3 4; do
        if [ -r "$_d/package.json" ]; then
            _pr pm "$1" "$_pp" "$(sed -n '/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*/{s//\\1/p;q;}' "$_d/package.json")" "package.json" "$(sed -n '/^[[:space:]]*"name"[[:space:]]*:[[:space:]]*"\\([^"]*\\)".*/{s//\\1/p;q;}' "$_d/package.json")"
            return 0
        fi
        _d=\${_d%/*}
        [ -n "$_d" ] || break
    done
    _pr pm "$1" "$_pp" "$(COREPACK_ENABLE_NETWORK=0 COREPACK_ENABLE_DOWNLOAD_PROMPT=0 "$_pp" --version 2>&1 </dev/null | head -n 1)" "--version" ""
}
for _n in npm yarn pnpm corepack; do _pmjs "$_n"; done

# Python package managers: the dist-info folder next to the interpreter in the script's shebang.
_pmpy() {
    _path "$2" || return 0
    _pv2=
    _first "$_pp"
    case $_p1 in
    '#!'*)
        _ip=\${_p1#??}
        _ip=\${_ip# }
        _ip=\${_ip%% *}
        _pfx=\${_ip%/*}
        _pfx=\${_pfx%/*}
        for _f in "$_pfx"/lib/python*/site-packages/"$1"-*.dist-info "$_pfx"/lib/python3/dist-packages/"$1"-*.dist-info; do
            if [ -d "$_f" ]; then
                _pv2=\${_f##*/"$1"-}
                _pv2=\${_pv2%.dist-info}
                break
            fi
        done
        ;;
    esac
    if [ -n "$_pv2" ]; then
        _pr pm "$1" "$_pp" "$_pv2" dist-info "$1"
    else
        _pr pm "$1" "$_pp" "$("$_pp" --version 2>&1 </dev/null | head -n 1)" "--version" ""
    fi
}
if _path pip; then _pmpy pip pip; else _pmpy pip pip3; fi
_pmpy poetry poetry
if _path uv; then _pr pm uv "$_pp" "$(uv --version 2>&1 </dev/null | head -n 1)" "--version" ""; fi
if _path bundle || _path bundler; then _pr pm bundler "$_pp" "$("$_pp" --version 2>&1 </dev/null | head -n 1)" "--version" ""; fi

# System packages: pkg <manager> <name> <version> <status>; only dpkg's "?i" status means installed.
if [ -f /var/lib/dpkg/status ] && _has dpkg-query; then
    _pr pkgdb dpkg
    dpkg-query -W -f='pkg\\tdpkg\\t\${Package}\\t\${Version}\\t\${db:Status-Abbrev}\\n' 2>/dev/null
elif [ -f /lib/apk/db/installed ]; then
    _pr pkgdb apk
    awk '/^P:/ { p = substr($0, 3) } /^V:/ { printf "pkg\\tapk\\t%s\\t%s\\tii\\n", p, substr($0, 3) }' /lib/apk/db/installed
elif { [ -d /var/lib/rpm ] || [ -d /usr/lib/sysimage/rpm ]; } && _has rpm; then
    _pr pkgdb rpm
    rpm -qa --qf 'pkg\\trpm\\t%{NAME}\\t%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\\tii\\n' 2>/dev/null
fi

# Environment: names from the environment this shell was started with (so the shell's own PWD, SHLVL …
# are left out), each with sha256(KEY "NAME=value"). The value itself is never printed; without a key no
# hash is printed either, since an unkeyed hash of a short value can be guessed back.
_hs=
_has sha256sum && _hs=1
_he=
if [ -z "$_k" ]; then _pr env-key missing; elif [ -n "$_hs" ]; then _he=1; fi
if [ -r /proc/$$/environ ]; then
    _names=$(tr '\\000' '\\n' </proc/$$/environ | sed -n 's/^\\([^=][^=]*\\)=.*/\\1/p' | sort -u)
else
    _names=$(awk 'BEGIN { for (k in ENVIRON) if (k != "PWD" && k != "SHLVL" && k != "_" && k != "OLDPWD") print k }' | sort -u)
fi
_ifs=$IFS
IFS=$_N
for _n in $_names; do
    IFS=$_ifs
    case $_n in
    [A-Za-z_]*)
        case $_n in *[!A-Za-z0-9_]*) _ok= ;; *) _ok=1 ;; esac
        ;;
    *) _ok= ;;
    esac
    if [ -n "$_ok" ]; then
        eval "_set=\\\${$_n+x}"
        [ -n "$_set" ] || continue
        if [ -n "$_he" ]; then
            eval "_h=\\$(printf '%s%s=%s' \\"\\$_k\\" \\"\\$_n\\" \\"\\\${$_n}\\" | sha256sum)"
        else
            _h=
        fi
    else
        if [ -n "$_he" ]; then
            _h=$({ printf '%s' "$_k"; awk -v n="$_n" 'BEGIN { if (n in ENVIRON) printf "%s=%s", n, ENVIRON[n] }'; } | sha256sum)
        else
            _h=
        fi
    fi
    _pr env "$_n" "\${_h%% *}"
done
IFS=$_ifs

for _n in LANG LANGUAGE LC_ALL LC_CTYPE LC_COLLATE LC_MESSAGES LC_NUMERIC LC_TIME LC_MONETARY; do
    eval "_set=\\\${$_n+x}"
    if [ -n "$_set" ]; then eval "_pr locale-var \\"\\$_n\\" \\"\\\${$_n}\\""; fi
done
if _has locale; then _pr locale-charmap "$(locale charmap 2>/dev/null)"; fi

if [ -n "\${TZ+x}" ]; then _pr tz-var "$TZ"; fi
if [ -r /etc/timezone ] && _first /etc/timezone; then _pr tz-file "$_p1"; fi
if [ -L /etc/localtime ]; then _pr tz-localtime "$(readlink /etc/localtime)"; elif [ -e /etc/localtime ]; then _pr tz-localtime ""; fi
_pr tz-offset "$(date +%z 2>/dev/null)"

_pr user "$(id -u 2>/dev/null)" "$(id -g 2>/dev/null)" "$(id -un 2>/dev/null)" "\${HOME-}"
_pr umask "$(umask)"
_pr limit nofile "$(ulimit -Sn 2>/dev/null)" "$(ulimit -Hn 2>/dev/null)"
_us=$(ulimit -Su 2>/dev/null) && _uh=$(ulimit -Hu 2>/dev/null) && _pr limit nproc "$_us" "$_uh"
if [ -z "$_us" ] && [ -r /proc/$$/limits ]; then
    while read -r _a _b _c _d _e || [ -n "$_a" ]; do
        if [ "$_a $_b" = "Max processes" ]; then _pr limit nproc "$_c" "$_d"; fi
    done </proc/$$/limits
fi

if _has nproc; then _pr cpus "$(nproc 2>/dev/null)"; elif _has getconf; then _pr cpus "$(getconf _NPROCESSORS_ONLN 2>/dev/null)"; fi
if [ -r /proc/meminfo ] && _first /proc/meminfo; then _pr meminfo "$_p1"; fi
for _f in /sys/fs/cgroup/cpu.max /sys/fs/cgroup/memory.max /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us /sys/fs/cgroup/memory/memory.limit_in_bytes; do
    if [ -r "$_f" ] && _first "$_f"; then _pr cgroup "$_f" "$_p1"; fi
done

# CA certificates: the settings, then each file's sha256 and its PEM blocks; core parses them and keeps
# the ones beyond the public roots.
_canames='${CA_SETTING_VARS.join(' ')}'
for _n in $_canames; do
    eval "_set=\\\${$_n+x}"
    if [ -n "$_set" ]; then eval "_pr ca-setting \\"\\$_n\\" \\"\\\${$_n}\\""; fi
done
_npmca=
if [ -n "\${HOME-}" ] && [ -r "$HOME/.npmrc" ]; then
    _npmca=$(sed -n 's/^[[:space:]]*cafile[[:space:]]*=[[:space:]]*//p' "$HOME/.npmrc" | head -n 1)
    [ -n "$_npmca" ] && _pr ca-setting "$HOME/.npmrc#cafile" "$_npmca"
fi
_cafile() {
    [ -f "$2" ] && [ -r "$2" ] || { _pr ca-missing "$1" "$2"; return 0; }
    _h=
    [ -n "$_hs" ] && _h=$(sha256sum <"$2") && _h=\${_h%% *}
    _pr ca-file "$1" "$2" "$_h"
    if [ "$(wc -c <"$2")" -le 1048576 ]; then
        sed -n -e '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/!d' -e "s/$_R\\$//" -e "s/^/ca-pem$_T/p" "$2"
    else
        _pr ca-too-big "$1" "$2"
    fi
}
for _d in ${LOCAL_CA_DIRS.join(' ')}; do
    for _f in "$_d"/* "$_d"/*/*; do
        case $_f in *.crt | *.pem | *.cer) [ -f "$_f" ] && _cafile "$_d" "$_f" ;; esac
    done
done
for _n in $_canames; do
    eval "_v=\\\${$_n-}"
    [ -n "$_v" ] || continue
    if [ "$_n" = SSL_CERT_DIR ]; then
        _ifs=$IFS
        IFS=:
        for _d in $_v; do
            IFS=$_ifs
            [ -d "$_d" ] || _pr ca-missing SSL_CERT_DIR "$_d"
            for _f in "$_d"/*; do
                case $_f in *.crt | *.pem | *.cer | *.[0-9]) [ -f "$_f" ] && _cafile SSL_CERT_DIR "$_f" ;; esac
            done
        done
        IFS=$_ifs
    else
        _cafile "$_n" "$_v"
    fi
done
if [ -n "$_npmca" ]; then _cafile .npmrc "$_npmca"; fi

# Case sensitivity of the working directory, without writing: does a case-swapped name of an entry
# resolve to something that is not itself listed?
_pwd=$(pwd)
_pr cwd "$_pwd"
_cs=
for _f in * .[!.]*; do
    case $_f in *[a-zA-Z]*) ;; *) continue ;; esac
    [ -e "$_f" ] || [ -L "$_f" ] || continue
    _sw=$(printf '%s' "$_f" | tr 'a-zA-Z' 'A-Za-z')
    if [ -e "$_sw" ]; then
        _cs=insensitive
        for _g in * .[!.]*; do [ "$_g" = "$_sw" ] && _cs=sensitive && break; done
    else
        _cs=sensitive
    fi
    _pr fs-case "$_cs" "\${_pwd%/}/$_f"
    break
done
[ -n "$_cs" ] || _pr fs-case unknown ""

printf 'end\\n'
`;
