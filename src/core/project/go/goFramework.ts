import type { Fact } from '../../snapshot/Snapshot';
import type { GoMod } from './parseGoMod';

/** Web frameworks by module path prefix. */
const FRAMEWORKS: readonly (readonly [string, string])[] = [
    ['github.com/gin-gonic/gin', 'gin'],
    ['github.com/labstack/echo', 'echo'],
    ['github.com/gofiber/fiber', 'fiber'],
    ['github.com/go-chi/chi', 'chi'],
    ['github.com/gorilla/mux', 'gorilla/mux'],
    ['github.com/beego/beego', 'beego'],
    ['github.com/kataras/iris', 'iris'],
];

/** The web framework go.mod requires directly (indirect requirements are some dependency's business). */
export function goFramework(goModPath: string, goMod: GoMod | null): Fact<string> | null {
    for (const [prefix, name] of FRAMEWORKS) {
        const required = goMod?.requires.find(
            (item) => !item.indirect && (item.path === prefix || item.path.startsWith(`${prefix}/`)),
        );
        if (required) {
            return {
                value: name,
                at: { file: goModPath, line: required.line },
                how: `go.mod requires ${required.path} ${required.version}`,
            };
        }
    }
    return null;
}
