import type { DependencyRef, PackageJson } from './readPackageJson';

export interface NodeFramework {
    /** Dependency names that give it away. */
    readonly dependencies: readonly string[];
    readonly name: string;
    /** The port its server listens on when neither code nor command line says otherwise. */
    readonly defaultPort?: number;
    readonly portHow?: string;
    /** The default port only holds with this dependency too (e.g. SvelteKit's Node adapter). */
    readonly portNeeds?: string;
}

/** In priority order: meta-frameworks before the servers they are built on (Nest runs on express, Remix often too). */
export const NODE_FRAMEWORKS: readonly NodeFramework[] = [
    {
        dependencies: ['@nestjs/core'],
        name: 'nestjs',
        defaultPort: 3000,
        portHow: 'NestJS default (the generated main.ts listens on 3000)',
    },
    {
        dependencies: ['next'],
        name: 'next',
        defaultPort: 3000,
        portHow: 'Next.js default (next start listens on 3000)',
    },
    {
        dependencies: ['nuxt', 'nuxt3'],
        name: 'nuxt',
        defaultPort: 3000,
        portHow: 'Nuxt default (its Nitro server listens on 3000)',
    },
    {
        dependencies: ['@remix-run/serve', '@remix-run/node', '@remix-run/express', '@remix-run/react'],
        name: 'remix',
        defaultPort: 3000,
        portHow: 'Remix default (remix-serve listens on 3000)',
    },
    {
        dependencies: ['@react-router/serve', '@react-router/node'],
        name: 'react-router',
        defaultPort: 3000,
        portHow: 'React Router default (react-router-serve listens on 3000)',
    },
    {
        dependencies: ['@sveltejs/kit'],
        name: 'sveltekit',
        defaultPort: 3000,
        portHow: 'SvelteKit adapter-node default',
        portNeeds: '@sveltejs/adapter-node',
    },
    { dependencies: ['astro'], name: 'astro', defaultPort: 4321, portHow: 'Astro default (server.port 4321)' },
    { dependencies: ['@adonisjs/core'], name: 'adonisjs', defaultPort: 3333, portHow: 'AdonisJS default' },
    { dependencies: ['@strapi/strapi'], name: 'strapi', defaultPort: 1337, portHow: 'Strapi default' },
    {
        dependencies: ['gatsby'],
        name: 'gatsby',
        defaultPort: 9000,
        portHow: 'Gatsby default (gatsby serve listens on 9000)',
    },
    {
        dependencies: ['react-scripts'],
        name: 'create-react-app',
        defaultPort: 3000,
        portHow: 'react-scripts start default',
    },
    { dependencies: ['express'], name: 'express' },
    {
        dependencies: ['fastify'],
        name: 'fastify',
        defaultPort: 3000,
        portHow: 'Fastify default (listen() without a port listens on 3000)',
    },
    { dependencies: ['koa'], name: 'koa' },
    { dependencies: ['@hapi/hapi', 'hapi'], name: 'hapi' },
    {
        dependencies: ['hono'],
        name: 'hono',
        defaultPort: 3000,
        portHow: '@hono/node-server default',
        portNeeds: '@hono/node-server',
    },
    { dependencies: ['restify'], name: 'restify' },
    {
        dependencies: ['@feathersjs/feathers'],
        name: 'feathers',
        defaultPort: 3030,
        portHow: 'Feathers default (config/default.json port)',
    },
    { dependencies: ['vite'], name: 'vite', defaultPort: 4173, portHow: 'vite preview default' },
];

export interface FoundFramework {
    readonly framework: NodeFramework;
    readonly dependency: DependencyRef;
    /** The framework's default port, when its conditions hold. */
    readonly defaultPort: number | null;
}

/** The highest-priority framework among the package's dependencies (dev dependencies included: vite lives there). */
export function findNodeFramework(pkg: PackageJson): FoundFramework | null {
    for (const framework of NODE_FRAMEWORKS) {
        for (const name of framework.dependencies) {
            const dependency = pkg.dependencies.get(name);
            if (dependency) {
                const portHolds = framework.portNeeds === undefined || pkg.dependencies.has(framework.portNeeds);
                return { framework, dependency, defaultPort: portHolds ? (framework.defaultPort ?? null) : null };
            }
        }
    }
    return null;
}
