import type { Fact } from '../../snapshot/Snapshot';
import type { PythonRequirement } from './PythonRequirement';

/** Web frameworks by precedence (Django projects often also list Flask-free helpers, not the other way round), with their default ports. */
export const FRAMEWORK_PORTS: readonly (readonly [string, number | null])[] = [
    ['django', 8000],
    ['fastapi', 8000],
    ['flask', 5000],
    ['starlette', 8000],
    ['litestar', 8000],
    ['quart', 5000],
    ['sanic', 8000],
    ['aiohttp', 8080],
    ['tornado', null],
    ['falcon', null],
    ['bottle', 8080],
    ['pyramid', 6543],
];

/** Frameworks whose apps a WSGI or ASGI server runs (an app made by a factory says nothing itself). */
export const FRAMEWORK_KIND: Readonly<Record<string, 'asgi' | 'wsgi'>> = {
    fastapi: 'asgi',
    starlette: 'asgi',
    litestar: 'asgi',
    quart: 'asgi',
    flask: 'wsgi',
    bottle: 'wsgi',
    falcon: 'wsgi',
    pyramid: 'wsgi',
    django: 'wsgi',
};

/** Servers that run WSGI/ASGI apps, with their default ports. */
export const SERVER_PORTS: Readonly<Record<string, number>> = {
    gunicorn: 8000,
    uvicorn: 8000,
    hypercorn: 8000,
    waitress: 8080,
    daphne: 8000,
};

export function findRequirement(
    requirements: readonly PythonRequirement[],
    name: string,
): PythonRequirement | undefined {
    return requirements.find((requirement) => requirement.name === name);
}

/** The web framework the project depends on directly, at the line that asks for it. */
export function pythonFramework(requirements: readonly PythonRequirement[]): Fact<string> | null {
    for (const [name] of FRAMEWORK_PORTS) {
        const requirement = findRequirement(requirements, name);
        if (requirement) {
            return { value: name, at: requirement.at, how: `${name} dependency in ${requirement.source}` };
        }
    }
    return null;
}
