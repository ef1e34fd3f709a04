/** `parity --help`, and the tail of every usage error. */
export const USAGE = `Usage: parity <command> [options]

Commands:
  doctor                     Show which Docker engine Parity uses and what it offers
  snapshot [PATH]            Capture the environment of the project at PATH (default: .) on this machine
  snapshot --target T         Capture the environment of a target: image:REF, container:NAME, swarm:SERVICE
                             or registry:REF (pulled by the engine, probed, removed again), each
                             optionally @ENGINE (an address or a Docker context)
  plan [PATH]                Decide what to build and why (base image pinned to what runs here, start
                             command, port); saved as .parity/plan.json
  recipe [PATH]              Plan, then write Dockerfile and .dockerignore (never over yours without --force)
  build [PATH]               Build the folder's Dockerfile as it is, with live progress
  package [PATH]             plan + recipe + build
  run IMAGE|PATH             Run an image, or a project folder (packaged first when its image is missing or
                             stale), in a locked-down sandbox: non-root, no capabilities, read-only root,
                             memory/CPU/process limits, its port on 127.0.0.1 only. Logs on stderr,
                             "Ready at URL" on stdout; Ctrl-C stops and removes it
  ps                         List Parity's sandboxes (name, image, state, ports, age)
  stop NAME... | --all       Stop and remove sandboxes
  clean                      Remove every container Parity created; images and other containers stay
  prune [--yes]              List Parity's leftovers (stopped sandboxes, untagged Parity builds) with a
                             total; --yes removes them. Nothing that is not Parity's is touched
  push IMAGE TARGET          Tag IMAGE as TARGET and push it, with the Docker config's credentials
  diff [--from T] --to T [--via T]
                             What differs between two environments, each finding with its severity and
                             fix; T is host:PATH (default host:.), image:REF, container:NAME,
                             swarm:SERVICE, registry:REF (engine kinds optionally @ENGINE) or file:PATH
                             (a saved snapshot); --via T adds the image built from the project between them. Exit 1
                             when a finding is at or above --fail-on

Options:
  -H, --host ADDR   Engine address (unix:///path, tcp://host:port, ssh://user@host); default: DOCKER_HOST, the Docker context, the default socket
  --tlsverify       TLS to a tcp:// engine, verifying its certificate (--tls: encrypt only, no verification)
  --tlscacert FILE  CA certificate to trust (default: ca.pem in DOCKER_CERT_PATH, else ~/.docker)
  --tlscert FILE    Client certificate (default: cert.pem there)
  --tlskey FILE     Client key (default: key.pem there)
  --keep-pulled     snapshot/diff: keep a registry: image on the engine after probing it
  --json            Print JSON on stdout (doctor)
  --format FMT      json (default) or text (snapshot); text (default), json, markdown or sarif (diff)
  --fail-on SEV     diff: exit 1 on a finding of this severity or above: error (default), warning, info
  --node-engine HOSTNAME=ENGINE
                    diff: a swarm node's own engine, to probe a swarm: service's tasks on that node (repeatable)
  --out FILE        Write the result to FILE atomically instead of stdout
  --target T        snapshot: image:REF, container:NAME, swarm:SERVICE or registry:REF, each optionally
                    @ENGINE; run: image:REF, container:NAME or a snapshot FILE — its memory, CPUs,
                    ulimits and user win over the flags
  --like T          run: run like the target T (container:NAME[@ENGINE], image:REF, file:PATH …): its runtime
                    version (the image rebuilt on it), TZ, locale, limits, user and env var names; values
                    come from .env, then from --pass-env. Never weaker: non-root, no capabilities
  --pass-env NAMES  run --like: take these variables' values from parity's own environment (comma-separated,
                    repeatable); no other variable of this shell ever reaches the sandbox
  --allow-missing-env
                    run --like: run even when a target's variable has no value here (it is left unset)
  --tag T           Image name for build/package/run (default: <folder>-<hash of its path>:parity)
  --force           Replace a Dockerfile/.dockerignore that Parity did not write (recipe, package)
  --timeout SEC     Limit for each engine request (default 10)
  --port P          The app's port inside the container, 1-65535, or none for a worker (plan, recipe, package:
                    over the one found; run: default the plan's, else the image's EXPOSE)
  --memory SIZE     Memory limit, no swap (run; default 512m)
  --cpus N          CPU limit (run; default 1)
  --pids N          Process limit (run; default 256)
  --network MODE    bridge (default) or none (run)
  -d, --detach      run: print the sandbox's name once it is ready and leave it running
  --smoke PATH      run: wait until ready, GET PATH, exit 0 on 2xx else 1; the sandbox is always removed
  --all             stop: every sandbox
  -y, --yes         prune: remove what it lists
  -v, --verbose     Log every engine call on stderr
  -h, --help        Show this help
  --version         Show the version`;
