import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectJava } from '../../../../../src/core/project/java/detectJava';
import { javaMajor } from '../../../../../src/core/project/java/javaMajor';
import { detectFiles, detectFixture, found } from '../runDetector';

describe('detectJava on fixture projects', () => {
    it('java-spring-maven: .sdkmanrc, the compiler plugin release and java.version, the Maven wrapper, server.port', async () => {
        const run = await detectFixture(detectJava, 'java-spring-maven');
        const detection = found(run);
        assert.deepEqual(detection.declared, [
            {
                file: '.sdkmanrc',
                line: 3,
                source: '.sdkmanrc',
                raw: '21.0.2-tem',
                range: '21',
                note: '21.0.2-tem is Java 21',
            },
            { file: 'pom.xml', line: 41, source: 'pom.xml#maven-compiler-plugin.release', raw: '21', range: '21' },
            { file: 'pom.xml', line: 17, source: 'pom.xml#properties.java.version', raw: '21', range: '21' },
        ]);
        assert.deepEqual(detection.packageManagers, [
            {
                name: 'maven',
                ecosystem: 'java',
                evidence: 'mvnw wrapper',
                declared: {
                    file: '.mvn/wrapper/maven-wrapper.properties',
                    line: 5,
                    raw: '3.9.7',
                    source: '.mvn/wrapper/maven-wrapper.properties#distributionUrl',
                },
            },
        ]);
        assert.deepEqual(detection.lockfiles, []);
        const app = detection.app;
        assert.deepEqual(app?.framework, {
            value: 'spring-boot',
            at: { file: 'pom.xml', line: 22 },
            how: 'spring-boot-starter-web dependency in pom.xml',
        });
        assert.deepEqual(app?.startCommand?.value, ['java', '-jar', 'app.jar']);
        assert.deepEqual(app?.ports, [
            {
                value: 8081,
                at: { file: 'src/main/resources/application.properties', line: 2 },
                how: 'server.port in src/main/resources/application.properties',
            },
        ]);
        assert.deepEqual(app?.entry, {
            value: 'src/main/java/com/example/catalog/CatalogApplication.java',
            at: { file: 'src/main/java/com/example/catalog/CatalogApplication.java', line: 6 },
            how: '@SpringBootApplication class',
        });
        assert.equal(app?.confidence, 3);
        assert.deepEqual(run.issues, []);
    });
});

const SPRING_GRADLE = `plugins {
    java
    id("org.springframework.boot") version "3.3.0"
    id("io.spring.dependency-management") version "1.1.5"
}

java {
    sourceCompatibility = JavaVersion.VERSION_17
    toolchain {
        languageVersion = JavaLanguageVersion.of(21)
    }
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
}
`;

describe('detectJava with Gradle', () => {
    it('reads the toolchain, sourceCompatibility, the wrapper version, and a PORT placeholder in application.yml', async () => {
        const detection = found(
            await detectFiles(detectJava, {
                'build.gradle.kts': SPRING_GRADLE,
                'settings.gradle.kts': 'rootProject.name = "orders"\n',
                gradlew: '#!/bin/sh\n',
                'gradle/wrapper/gradle-wrapper.properties':
                    'distributionBase=GRADLE_USER_HOME\ndistributionUrl=https\\://services.gradle.org/distributions/gradle-8.7-bin.zip\n',
                'gradle.lockfile': '# This is a Gradle generated file for dependency locking.\nempty=\n',
                '.tool-versions': 'java temurin-21.0.3+9.0.LTS\n',
                'src/main/resources/application.yml':
                    'spring:\n  application:\n    name: orders\nserver:\n  port: ${PORT:9000}\n',
            }),
        );
        assert.deepEqual(detection.declared, [
            {
                file: '.tool-versions',
                line: 1,
                source: '.tool-versions',
                raw: 'temurin-21.0.3+9.0.LTS',
                range: '21',
                note: 'temurin-21.0.3+9.0.LTS is Java 21',
            },
            {
                file: 'build.gradle.kts',
                line: 10,
                source: 'build.gradle.kts#java.toolchain.languageVersion',
                raw: '21',
                range: '21',
            },
            {
                file: 'build.gradle.kts',
                line: 8,
                source: 'build.gradle.kts#sourceCompatibility',
                raw: 'JavaVersion.VERSION_17',
                range: '17',
                note: 'JavaVersion.VERSION_17 is Java 17',
            },
        ]);
        assert.deepEqual(detection.packageManagers, [
            {
                name: 'gradle',
                ecosystem: 'java',
                evidence: 'gradlew wrapper',
                declared: {
                    file: 'gradle/wrapper/gradle-wrapper.properties',
                    line: 2,
                    raw: '8.7',
                    source: 'gradle/wrapper/gradle-wrapper.properties#distributionUrl',
                },
            },
        ]);
        assert.deepEqual(detection.lockfiles, [{ file: 'gradle.lockfile', manager: 'gradle', packageRoot: '.' }]);
        assert.deepEqual(detection.app?.framework, {
            value: 'spring-boot',
            at: { file: 'build.gradle.kts', line: 3 },
            how: 'plugin org.springframework.boot in build.gradle.kts',
        });
        assert.deepEqual(detection.app?.ports, [
            {
                value: 9000,
                at: { file: 'src/main/resources/application.yml', line: 5 },
                how: 'server.port in src/main/resources/application.yml: PORT environment variable, default 9000',
            },
        ]);
    });
});

describe('detectJava with Maven', () => {
    it('reports a pom.xml without a version to inherit or set, and one that names no Java release', async () => {
        const run = await detectFiles(detectJava, {
            'pom.xml': [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<project xmlns="http://maven.apache.org/POM/4.0.0">',
                '  <modelVersion>4.0.0</modelVersion>',
                '  <groupId>com.example</groupId>',
                '  <artifactId>tool</artifactId>',
                '  <dependencies>',
                '    <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version></dependency>',
                '  </dependencies>',
                '</project>',
                '',
            ].join('\n'),
        });
        assert.deepEqual(
            run.issues.map((issue) => [issue.severity, issue.at]),
            [
                ['warning', { file: 'pom.xml', line: 5 }],
                ['info', { file: 'pom.xml', line: 1 }],
            ],
        );
        assert.match(run.issues[0]?.message ?? '', /no <version> and no <parent>/);
        assert.match(run.issues[1]?.message ?? '', /sets no Java release/);
        const detection = found(run);
        assert.deepEqual(detection.declared, []);
        assert.equal(detection.app, null);
    });

    it('resolves properties, reads maven.compiler.release, ignores commented-out settings, lists modules', async () => {
        const detection = found(
            await detectFiles(detectJava, {
                '.java-version': '1.8\n',
                'pom.xml': [
                    '<project>',
                    '  <version>1.0</version>',
                    '  <properties>',
                    '    <!-- <maven.compiler.release>11</maven.compiler.release> -->',
                    '    <jdk>17</jdk>',
                    '    <maven.compiler.release>${jdk}</maven.compiler.release>',
                    '  </properties>',
                    '  <modules>',
                    '    <module>api</module>',
                    '    <module>worker</module>',
                    '  </modules>',
                    '</project>',
                ].join('\n'),
                'src/main/java/com/acme/tools/deep/er/Main.java':
                    'package com.acme.tools.deep.er;\n\npublic class Main {\n    public static void main(String[] args) {}\n}\n',
            }),
        );
        assert.deepEqual(detection.declared, [
            { file: '.java-version', line: 1, source: '.java-version', raw: '1.8', range: '8', note: '1.8 is Java 8' },
            {
                file: 'pom.xml',
                line: 6,
                source: 'pom.xml#properties.maven.compiler.release',
                raw: '${jdk}',
                range: '17',
                note: 'from property jdk',
            },
        ]);
        // A plain main class, found below the depth the project walk stops at; no framework, so it starts by its
        // class name from the jar and its runtime class path, and no port is known.
        const at = { file: 'src/main/java/com/acme/tools/deep/er/Main.java', line: 4 };
        assert.deepEqual(detection.app, {
            root: '.',
            framework: null,
            ports: [],
            startCommand: {
                value: ['java', '-cp', 'app.jar:lib/*', 'com.acme.tools.deep.er.Main'],
                at,
                how: 'main class com.acme.tools.deep.er.Main from the built jar and its runtime class path (lib/)',
            },
            entry: {
                value: 'src/main/java/com/acme/tools/deep/er/Main.java',
                at: { file: 'src/main/java/com/acme/tools/deep/er/Main.java', line: 4 },
                how: 'main method',
            },
            workspacePackages: ['api', 'worker'],
            confidence: 2,
        });
    });
});

describe('javaMajor', () => {
    it('finds the feature release in what build files and version managers write', () => {
        assert.deepEqual(javaMajor('21'), { range: '21' });
        assert.deepEqual(javaMajor('17.0.10'), { range: '17' });
        assert.deepEqual(javaMajor('VERSION_1_8'), { range: '8', note: '1.8 is Java 8' });
        assert.deepEqual(javaMajor('openjdk64-17.0.2'), { range: '17', note: 'openjdk64-17.0.2 is Java 17' });
        assert.deepEqual(javaMajor('22.3.r17-grl'), { range: '17', note: 'GraalVM 22.3 for Java 17' });
        assert.deepEqual(javaMajor('lts'), { range: null, note: '"lts" is not a Java version' });
    });
});
