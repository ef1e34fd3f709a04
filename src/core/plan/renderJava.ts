import { comment, envInstruction, fromInstruction, runInstruction, shellCommand, shellQuote } from './dockerfileText';
import type { Plan, RenderOptions } from './Plan';
import { GRADLE_HOME, JAVA_APP_DIR } from './planJava';
import {
    addUser,
    bakeCa,
    caIntoStage,
    CA_SECRET_TARGET,
    CA_STAGE_FILE,
    copyManifests,
    finalEnv,
    finalTail,
    header,
    stageEnv,
} from './recipeParts';

/** The build stage's trust store: the JDK's public roots plus the host's extra CAs, for the build tool's JVM only. */
const TRUST_STORE = '/opt/parity/cacerts';
const TRUST_STORE_PASSWORD = 'changeit';

/**
 * Java: the build tool's image resolves dependencies from the build files alone (a cached layer and a
 * BuildKit cache mount), then builds; the final stage is the JRE image with /app (the jar as app.jar, the
 * runtime class path in lib/) owned by root and run by a created non-root user. The mirror settings and
 * the CA trust store live in the build stage only.
 */
export function renderJava(plan: Plan, options: RenderOptions): string[] {
    const manager = plan.packageManager;
    if (!manager?.install || !manager.build || !plan.builder || !plan.java) {
        throw new Error('A Java plan always has a builder image, a dependency step, a build step and its artifact.');
    }
    const caches = (dirs: readonly string[]): string[] =>
        options.buildkit ? dirs.map((dir) => `--mount=type=cache,target=${dir}`) : [];
    const toolCaches = caches(manager.cacheDir ? [manager.cacheDir] : []);
    return [
        ...header(plan, options),
        '',
        fromInstruction(plan.builder.image, 'build'),
        'WORKDIR /src',
        ...caIntoStage(plan, options),
        ...stageEnv(plan),
        ...trustStore(plan, options),
        ...mirrorSettings(manager.name, plan.java.mirror),
        ...copyManifests(manager.manifests),
        runInstruction(shellCommand(manager.install), toolCaches),
        'COPY . .',
        runInstruction(`${shellCommand(manager.build)} && ${collectArtifact(plan.java.artifact)}`, toolCaches),
        '',
        fromInstruction(plan.base.image),
        'WORKDIR /app',
        ...finalEnv(plan),
        addUser(plan),
        ...bakeCa(plan, options),
        `COPY --from=build ${JAVA_APP_DIR} /app`,
        ...finalTail(plan),
    ];
}

/**
 * The host's extra CAs for the build tool's downloads: the certificates of the bundle the JDK does not
 * already trust are added to a copy of its cacerts, which JAVA_TOOL_OPTIONS names for this stage only.
 */
function trustStore(plan: Plan, options: RenderOptions): string[] {
    if (!plan.ca.needed) {
        return [];
    }
    const source = options.buildkit ? CA_SECRET_TARGET : CA_STAGE_FILE;
    const split = [
        'FNR == NR { gsub(/[ \\r]/, ""); if (/-----BEGIN/) b = ""; else if (/-----END/) known[b] = 1; else b = b $0; next }',
        '/-----BEGIN/ { b = ""; pem = $0 "\\n"; inside = 1; next }',
        'inside && /-----END/ { pem = pem $0 "\\n"; inside = 0; if (!(b in known)) { n++; f = "extra-" n ".pem"; printf "%s", pem > f; close(f) } next }',
        'inside { pem = pem $0 "\\n"; line = $0; gsub(/[ \\r]/, "", line); b = b line }',
    ].join(' ');
    const script = [
        `mkdir -p ${TRUST_STORE.slice(0, TRUST_STORE.lastIndexOf('/'))} && cd ${TRUST_STORE.slice(0, TRUST_STORE.lastIndexOf('/'))}`,
        `cp "$JAVA_HOME/lib/security/cacerts" ${TRUST_STORE}`,
        `keytool -list -rfc -keystore ${TRUST_STORE} -storepass ${TRUST_STORE_PASSWORD} > known.pem`,
        `awk ${shellQuote(split)} known.pem ${source}`,
        `for f in extra-*.pem; do if [ -f "$f" ]; then keytool -importcert -noprompt -keystore ${TRUST_STORE} -storepass ${TRUST_STORE_PASSWORD} -alias "parity-$f" -file "$f" >/dev/null; fi; done`,
        'rm -f known.pem extra-*.pem',
    ].join(' && ');
    return [
        "# Your extra CAs for the build tool only: added to a copy of the JDK's trust store in this stage, never in the final image.",
        runInstruction(
            script,
            options.buildkit
                ? [`--mount=type=secret,id=${plan.ca.secretId},target=${CA_SECRET_TARGET},required=true`]
                : [],
        ),
        envInstruction(
            'JAVA_TOOL_OPTIONS',
            `-Djavax.net.ssl.trustStore=${TRUST_STORE} -Djavax.net.ssl.trustStorePassword=${TRUST_STORE_PASSWORD}`,
        ),
    ];
}

/** The dependency mirror for every repository, written in the build stage: Maven's settings.xml or a Gradle init script. */
function mirrorSettings(tool: string, mirror: string | null): string[] {
    if (!mirror) {
        return [];
    }
    const url = mirror.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    if (tool === 'maven') {
        const settings = [
            '<settings>',
            '  <mirrors>',
            '    <mirror>',
            '      <id>parity-mirror</id>',
            '      <mirrorOf>*</mirrorOf>',
            `      <url>${url}</url>`,
            '    </mirror>',
            '  </mirrors>',
            '</settings>',
        ];
        return [
            comment(`Every Maven repository through the dependency mirror ${mirror} (build stage only).`),
            runInstruction(
                `mkdir -p /root/.m2 && printf '%s\\n' ${settings.map(shellQuote).join(' ')} > /root/.m2/settings.xml`,
            ),
        ];
    }
    const groovy = mirror.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$');
    const init = [
        'def parityMirror = "' + groovy + '"',
        'settingsEvaluated { settings -> settings.pluginManagement.repositories { clear(); maven { url parityMirror } } }',
        'allprojects {',
        '    buildscript.repositories { all { repo -> if (!(repo instanceof MavenArtifactRepository) || repo.url.toString() != parityMirror) { remove repo } }; maven { url parityMirror } }',
        '    repositories { all { repo -> if (!(repo instanceof MavenArtifactRepository) || repo.url.toString() != parityMirror) { remove repo } }; maven { url parityMirror } }',
        '}',
    ];
    return [
        comment(
            `Every Gradle repository through the dependency mirror ${mirror} (an init script of the build stage only).`,
        ),
        runInstruction(
            `mkdir -p ${GRADLE_HOME}/init.d && printf '%s\\n' ${init.map(shellQuote).join(' ')} > ${GRADLE_HOME}/init.d/parity-mirror.gradle`,
        ),
    ];
}

/** Copies what the build left into /app: the one runnable jar as app.jar (plus lib/ already there), or the framework's app folder. */
function collectArtifact(artifact: NonNullable<Plan['java']>['artifact']): string {
    if (artifact.kind === 'folder') {
        return `mkdir -p ${JAVA_APP_DIR} && cp -r ${artifact.outputDir}/${artifact.folder ?? ''} ${JAVA_APP_DIR}/`;
    }
    const jars = `find ${artifact.outputDir} -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar' ! -name '*-plain.jar'`;
    const libs =
        artifact.kind === 'plain' && artifact.outputDir.startsWith('build')
            ? ` && cp -r build/install/*/lib ${JAVA_APP_DIR}/lib`
            : '';
    return `set -- $(${jars}) && if [ "$#" -ne 1 ]; then echo "Parity expected one jar in ${artifact.outputDir}/, found: $*" >&2; exit 1; fi && mkdir -p ${JAVA_APP_DIR} && cp "$1" ${JAVA_APP_DIR}/app.jar${libs}`;
}
