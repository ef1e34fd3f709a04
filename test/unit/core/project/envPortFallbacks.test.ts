import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EcosystemDetector } from '../../../../src/core/project/EcosystemDetection';
import { detectGo } from '../../../../src/core/project/go/detectGo';
import { detectJava } from '../../../../src/core/project/java/detectJava';
import { detectNode } from '../../../../src/core/project/node/detectNode';
import { detectPython } from '../../../../src/core/project/python/detectPython';
import { detectRuby } from '../../../../src/core/project/ruby/detectRuby';
import { detectFiles, found } from './runDetector';

/** The first port a detector finds in a throwaway project, as "value file:line". */
async function firstPort(detector: EcosystemDetector, files: Readonly<Record<string, string>>): Promise<string | null> {
    const port = found(await detectFiles(detector, files)).app?.ports[0];
    return port ? `${port.value} ${port.at ? `${port.at.file}:${port.at.line}` : '(default)'}` : null;
}

describe('ports read from a PORT environment variable with a fallback, in every ecosystem', () => {
    it('Python: os.environ.get / os.getenv / default= / `or`, in the entry file', async () => {
        const requirements = 'flask==3.0.3\n';
        const run = (line: string): Promise<string | null> =>
            firstPort(detectPython, {
                'requirements.txt': requirements,
                'app.py': `import os\nfrom os import environ, getenv\nfrom flask import Flask\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    ${line}\n`,
            });
        assert.equal(await run('app.run(port=int(os.environ.get("PORT", "8000")))'), '8000 app.py:7');
        assert.equal(await run('app.run(port=os.getenv("PORT", 5001))'), '5001 app.py:7');
        assert.equal(await run('app.run(port=int(getenv("PORT", default=7001)))'), '7001 app.py:7');
        assert.equal(await run('app.run(port=int(environ.get("PORT") or 9001))'), '9001 app.py:7');
        // Nothing written: Flask's own default, said to be one.
        assert.equal(await run('app.run()'), '5000 (default)');
    });

    it('Go: os.Getenv with a fallback assignment, and getEnv-style helpers', async () => {
        const main = (body: string): Record<string, string> => ({
            'go.mod': 'module example.com/svc\n\ngo 1.22\n',
            'main.go': `package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n${body}\n}\n`,
        });
        assert.equal(
            await firstPort(
                detectGo,
                main(
                    '\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8081"\n\t}\n\thttp.ListenAndServe(":"+port, nil)',
                ),
            ),
            '8081 main.go:11',
        );
        assert.equal(
            await firstPort(detectGo, main('\thttp.ListenAndServe(":"+envOr("PORT", "9090"), nil)')),
            '9090 main.go:9',
        );
        // PORT required, no fallback: no port rather than a guess.
        assert.equal(
            await firstPort(
                detectGo,
                main(
                    '\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tpanic("PORT must be set")\n\t}\n\thttp.ListenAndServe(":"+port, nil)',
                ),
            ),
            null,
        );
    });

    it('Ruby: ENV.fetch("PORT", n), ENV.fetch("PORT") { n }, ENV["PORT"] || n in a Sinatra app; puma.rb', async () => {
        const sinatra = (line: string): Record<string, string> => ({
            Gemfile: "source 'https://rubygems.org'\ngem 'sinatra'\n",
            'app.rb': `require 'sinatra'\n\n${line}\n\nget('/') { 'hi' }\n`,
        });
        assert.equal(await firstPort(detectRuby, sinatra("set :port, ENV.fetch('PORT', 3000)")), '3000 app.rb:3');
        assert.equal(await firstPort(detectRuby, sinatra('set :port, ENV.fetch("PORT") { 4000 }')), '4000 app.rb:3');
        assert.equal(await firstPort(detectRuby, sinatra("set :port, ENV['PORT'] || 4567")), '4567 app.rb:3');
        assert.equal(await firstPort(detectRuby, sinatra("get('/ping') { 'pong' }")), '4567 (default)');
        assert.equal(
            await firstPort(detectRuby, {
                Gemfile: 'source "https://rubygems.org"\ngem "rack"\ngem "puma"\n',
                'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
                'config/puma.rb': 'port ENV.fetch("PORT") { 3000 }\n',
            }),
            '3000 config/puma.rb:1',
        );
    });

    it('Java: ${PORT:n} in application.properties / application.yml; getOrDefault in a plain main', async () => {
        const pom =
            '<project><modelVersion>4.0.0</modelVersion><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.3.0</version></parent><artifactId>x</artifactId></project>\n';
        const boot =
            'package x;\n@SpringBootApplication\npublic class App { public static void main(String[] a) {} }\n';
        assert.equal(
            await firstPort(detectJava, {
                'pom.xml': pom,
                'src/main/java/x/App.java': boot,
                'src/main/resources/application.properties': 'spring.application.name=x\nserver.port=${PORT:8085}\n',
            }),
            '8085 src/main/resources/application.properties:2',
        );
        assert.equal(
            await firstPort(detectJava, {
                'pom.xml': pom,
                'src/main/java/x/App.java': boot,
                'src/main/resources/application.yml': 'server:\n  port: ${PORT:8086}\n',
            }),
            '8086 src/main/resources/application.yml:2',
        );
        assert.equal(
            await firstPort(detectJava, { 'pom.xml': pom, 'src/main/java/x/App.java': boot }),
            '8080 (default)',
        );
        const plain =
            '<project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>x</artifactId><version>1</version></project>\n';
        assert.equal(
            await firstPort(detectJava, {
                'pom.xml': plain,
                'src/main/java/x/Main.java':
                    'package x;\npublic class Main {\n  public static void main(String[] a) {\n    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8087"));\n  }\n}\n',
            }),
            '8087 src/main/java/x/Main.java:4',
        );
    });

    it('Node: process.env.PORT || n and ?? n', async () => {
        const node = (line: string): Record<string, string> => ({
            'package.json': JSON.stringify({
                name: 'x',
                scripts: { start: 'node server.js' },
                dependencies: { express: '4' },
            }),
            'server.js': `const app = require('express')();\n${line}\n`,
        });
        assert.equal(await firstPort(detectNode, node('app.listen(process.env.PORT || 3001);')), '3001 server.js:2');
        assert.equal(
            await firstPort(detectNode, node('app.listen(Number(process.env.PORT ?? 3002));')),
            '3002 server.js:2',
        );
    });
});
