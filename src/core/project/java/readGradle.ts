import type { Fact, RuntimeDeclaration } from '../../snapshot/Snapshot';
import { lineAt } from '../lineAt';
import type { TextFile } from '../ProjectFiles';
import { javaMajor } from './javaMajor';
import { blankDelimited } from './xmlText';

export interface GradleFacts {
    readonly declared: readonly RuntimeDeclaration[];
    readonly framework: Fact<string> | null;
}

const VERSION_EXPRESSION = String.raw`(JavaVersion\.VERSION_\w+|JavaVersion\.toVersion\(\s*["']?[\d.]+["']?\s*\)|["']?[\d.]+["']?)`;

/** What a Gradle build pins, strongest first: a toolchain, the compiler's release, then source compatibility. */
const SETTINGS: readonly (readonly [RegExp, string])[] = [
    [
        /\blanguageVersion(?:\s*=\s*|\.set\(\s*)JavaLanguageVersion\.of\(\s*["']?(\d+)["']?\s*\)/g,
        'java.toolchain.languageVersion',
    ],
    [/\bjvmToolchain\(\s*(\d+)\s*\)/g, 'kotlin.jvmToolchain'],
    [/\boptions\.release(?:\.set\(\s*|\s*=\s*)(\d+)/g, 'options.release'],
    [new RegExp(String.raw`\bsourceCompatibility\s*=\s*${VERSION_EXPRESSION}`, 'g'), 'sourceCompatibility'],
];

/** Java pins and the framework in build.gradle / build.gradle.kts. */
export function readGradle(file: TextFile): GradleFacts {
    const text = blankDelimited(file.text, '/*', '*/').replace(/\/\/.*$/gm, '');
    const declared: RuntimeDeclaration[] = [];
    for (const [pattern, name] of SETTINGS) {
        for (const match of text.matchAll(pattern)) {
            const raw = (match[1] ?? '').replace(/^["']|["']$/g, '');
            const version = raw.replace(/^JavaVersion\.toVersion\(\s*["']?([\d.]+)["']?\s*\)$/, '$1');
            const major = javaMajor(version);
            declared.push({
                file: file.path,
                line: lineAt(text, match.index),
                source: `${file.path}#${name}`,
                raw,
                range: major.range,
                ...(major.note ? { note: major.note } : {}),
            });
        }
    }
    return { declared, framework: gradleFramework(text, file.path) };
}

function gradleFramework(text: string, path: string): Fact<string> | null {
    const plugins: readonly (readonly [RegExp, string, string])[] = [
        [
            /id\s*\(?\s*["']org\.springframework\.boot["']|apply\s+plugin:\s*["']org\.springframework\.boot["']/,
            'spring-boot',
            'plugin org.springframework.boot',
        ],
        [/["']org\.springframework\.boot:spring-boot-starter/, 'spring-boot', 'a spring-boot-starter dependency'],
        [/id\s*\(?\s*["']io\.quarkus["']/, 'quarkus', 'plugin io.quarkus'],
        [/["']io\.quarkus:quarkus-/, 'quarkus', 'a quarkus dependency'],
        [/id\s*\(?\s*["']io\.micronaut\.application["']/, 'micronaut', 'plugin io.micronaut.application'],
        [/["']io\.micronaut:micronaut-/, 'micronaut', 'a micronaut dependency'],
    ];
    for (const [pattern, name, what] of plugins) {
        const match = pattern.exec(text);
        if (match) {
            return { value: name, at: { file: path, line: lineAt(text, match.index) }, how: `${what} in ${path}` };
        }
    }
    return null;
}
