import type { Fact, RuntimeDeclaration } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { IssueSink, TextFile } from '../ProjectFiles';
import { javaMajor } from './javaMajor';
import { blocks, rootChildren, simpleElements, withoutXmlComments, type XmlElement } from './xmlText';

export interface PomFacts {
    /** Java pins in the order Maven applies them: compiler plugin configuration, then properties. */
    readonly declared: readonly RuntimeDeclaration[];
    readonly framework: Fact<string> | null;
    /** The folders of a multi-module build (`<modules>`). */
    readonly modules: readonly string[];
}

/** Properties that set the Java release, in the order the compiler plugin prefers them. */
const JAVA_PROPERTIES = ['maven.compiler.release', 'maven.compiler.source', 'java.version'];
const FRAMEWORK_GROUPS: readonly (readonly [RegExp, string])[] = [
    [/^org\.springframework\.boot$/, 'spring-boot'],
    [/^io\.quarkus(?:\.platform)?$/, 'quarkus'],
    [/^io\.micronaut(?:\.platform)?$/, 'micronaut'],
];

/** Java pins and the framework from a pom.xml; problems Maven would stop at become issues. */
export function readPom(file: TextFile, issues: IssueSink): PomFacts {
    const text = withoutXmlComments(file.text);
    const at = (offset: number): { file: string; line: number } => ({ file: file.path, line: lineAt(text, offset) });
    if (!/<project[\s>]/.test(text)) {
        issues.add({
            severity: 'warning',
            message: `${file.path} has no <project> element; Maven cannot read it.`,
            at: { file: file.path, line: 1 },
        });
        return { declared: [], framework: null, modules: [] };
    }
    const top = rootChildren(text);
    const child = (name: string): XmlElement | undefined => top.find((element) => element.name === name);
    const parentBlock = blocks(text, 'parent')[0];
    if (!child('artifactId')?.value) {
        issues.add({
            severity: 'warning',
            message: `${file.path} has no <artifactId>; Maven stops with "'artifactId' is missing" and the build makes no jar.`,
            at: at(text.indexOf('<project')),
        });
    }
    if (!child('version') && !parentBlock) {
        const where = child('artifactId')?.offset ?? text.indexOf('<project');
        issues.add({
            severity: 'warning',
            message: `${file.path} has no <version> and no <parent> to inherit one from; Maven stops with "'version' is missing".`,
            at: at(where),
        });
    }

    const properties = new Map<string, XmlElement>();
    for (const block of blocks(text, 'properties')) {
        for (const element of simpleElements(block.body, block.bodyStart)) {
            if (!properties.has(element.name)) {
                properties.set(element.name, element);
            }
        }
    }
    const resolve = (value: string): { value: string; via?: string } => {
        const reference = /^\$\{([\w.-]+)\}$/.exec(value)?.[1];
        const property = reference ? properties.get(reference) : undefined;
        return reference && property ? { value: property.value, via: reference } : { value };
    };
    const declared: RuntimeDeclaration[] = [];
    const declare = (element: XmlElement, source: string): void => {
        const resolved = resolve(element.value);
        const major = javaMajor(resolved.value);
        const range = /^\$\{/.test(resolved.value)
            ? { range: null, note: `${resolved.value} is not defined in this pom` }
            : major;
        const note = [resolved.via ? `from property ${resolved.via}` : undefined, range.note]
            .filter((part) => part !== undefined)
            .join('; ');
        declared.push({
            ...at(element.offset),
            source,
            raw: element.value,
            range: range.range,
            ...(note ? { note } : {}),
        });
    };

    const compiler = blocks(text, 'plugin').find((plugin) =>
        /<artifactId>\s*maven-compiler-plugin\s*<\/artifactId>/.test(plugin.body),
    );
    const configuration = compiler ? blocks(compiler.body, 'configuration')[0] : undefined;
    const pluginSettings =
        configuration && compiler
            ? simpleElements(configuration.body, compiler.bodyStart + configuration.bodyStart)
            : [];
    const referenced = new Set<string>();
    for (const name of ['release', 'source']) {
        const element = pluginSettings.find((setting) => setting.name === name);
        if (element) {
            declare(element, `pom.xml#maven-compiler-plugin.${name}`);
            const via = resolve(element.value).via;
            if (via) {
                referenced.add(via);
            }
        }
    }
    for (const name of JAVA_PROPERTIES) {
        const element = properties.get(name);
        if (element && !referenced.has(name)) {
            declare(element, `pom.xml#properties.${name}`);
        }
    }
    const springParent =
        parentBlock && /<artifactId>\s*spring-boot-starter-parent\s*<\/artifactId>/.test(parentBlock.body);
    if (declared.length === 0) {
        issues.add({
            severity: 'info',
            message: springParent
                ? `${file.path} sets no java.version; spring-boot-starter-parent's default Java release applies.`
                : `${file.path} sets no Java release (maven.compiler.release, maven.compiler.source or the compiler plugin's <release>); the compiler plugin's default applies.`,
            at: { file: file.path, line: 1 },
        });
    }
    const modules = blocks(text, 'modules')
        .flatMap((block) => simpleElements(block.body))
        .filter((element) => element.name === 'module')
        .map((element) => element.value);
    return { declared, framework: pomFramework(text, file.path, springParent ? parentBlock : undefined), modules };
}

/** Spring Boot, Quarkus or Micronaut from the parent, a dependency or a plugin; web starters first. */
function pomFramework(text: string, path: string, springParent: { start: number } | undefined): Fact<string> | null {
    const web = /<artifactId>\s*(spring-boot-starter-(?:web|webflux))\s*<\/artifactId>/.exec(text);
    if (web) {
        return {
            value: 'spring-boot',
            at: { file: path, line: lineAt(text, web.index) },
            how: `${web[1] ?? ''} dependency in ${path}`,
        };
    }
    if (springParent) {
        return {
            value: 'spring-boot',
            at: { file: path, line: lineAt(text, springParent.start) },
            how: `spring-boot-starter-parent in ${path}`,
        };
    }
    for (const dependency of [...blocks(text, 'dependency'), ...blocks(text, 'plugin'), ...blocks(text, 'parent')]) {
        const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(dependency.body)?.[1] ?? '';
        const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(dependency.body)?.[1] ?? '';
        const framework = FRAMEWORK_GROUPS.find(([pattern]) => pattern.test(group))?.[1];
        if (framework) {
            return {
                value: framework,
                at: { file: path, line: lineAt(text, dependency.start) },
                how: `${group}:${artifact} in ${path}`,
            };
        }
    }
    return null;
}
