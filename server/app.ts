import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { SignInThrottle, type ThrottleSettings } from './auth/sign-in-throttle.js';
import type { Config } from './config.js';
import type { Gateway } from './db/gateway.js';
import { installCsrfGuard } from './http/csrf.js';
import { frameworkProblem, installErrorHandler, sendProblem } from './http/error-handler.js';
import { installHeavyLimit } from './http/heavy-limit.js';
import { installJsonBodyParser } from './http/json-body.js';
import { problemMediaType } from './http/openapi-problems.js';
import { installRateLimits, type RateLimits } from './http/rate-limits.js';
import { docsCsp, installSecurityHeaders } from './http/security-headers.js';
import { apiRoutes } from './routes/index.js';
import { workerPool } from './workers/plugin.js';
import { workspacePurge } from './services/workspace-purge.js';
import { installCompression } from './http/compression.js';

export interface RouteEntry {
  method: string;
  url: string;
  access: string | undefined;
  hidden: boolean;
  /** The route's own zod schemas, so tests can derive requests from them. */
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
    db: Gateway;
    config: Config;
  }
}

export interface AppOptions {
  config: Config;
  db: Gateway;
  /** Folder of the built client; served at / when present. */
  clientDir?: string;
  /** Logger options, or a ready pino instance (Fastify 5 takes that as `loggerInstance`). */
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  sessionSecret: string;
  /** Other request limits than production's, for one instance (a test that must reach them). */
  rateLimits?: Partial<RateLimits>;
  /** Other failed-sign-in delays than production's, likewise. */
  signInThrottle?: Partial<ThrottleSettings>;
}

/** Builds the whole application without listening, so tests can `inject` into it. */
export async function buildApp(options: AppOptions) {
  const given = options.logger;
  const logging =
    typeof given === 'object' && given !== null && typeof (given as FastifyBaseLogger).child === 'function'
      ? { loggerInstance: given as FastifyBaseLogger }
      : { logger: (given ?? false) as FastifyServerOptions['logger'] };
  const app = Fastify({
    ...logging,
    // A hop count is accepted at run time (proxy-addr) though Fastify's types leave it out.
    trustProxy: options.config.TRUST_PROXY as boolean | string,
    bodyLimit: 5 * 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    frameworkErrors: (error, request, reply) => {
      const problem = frameworkProblem(error);
      if (problem.status >= 500) request.log.error({ err: error }, 'router error');
      return sendProblem(reply, problem);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installJsonBodyParser(app);
  app.decorate('db', options.db);
  app.decorate('config', options.config);
  app.decorate('signInThrottle', new SignInThrottle(options.signInThrottle));
  // The route table, for tests that must cover every route (access matrix, fuzzing).
  const routes: RouteEntry[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        access: (route.config as { access?: string } | undefined)?.access,
        hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
        schema: { ...route.schema },
      });
    }
  });
  const serveClient = Boolean(options.clientDir && existsSync(path.join(options.clientDir, 'index.html')));
  // The client routes in the browser; any non-API page gets the app shell.
  installErrorHandler(app, serveClient ? { appShell: (reply) => reply.sendFile('index.html') } : {});

  installSecurityHeaders(app);
  // Before the cookie is read or any route runs: a forged write is refused at the door.
  installCsrfGuard(app, { publicUrl: options.config.PUBLIC_URL });
  await installRateLimits(app, options.rateLimits);
  await app.register(fastifyCookie, { secret: options.sessionSecret });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'powermap API',
        version: '0.1.0',
        description:
          'The power map as data: actors, typed relationships with sources, demands, assessments, maps and their history, and the analysis that answers who can grant a demand and who moves them. Errors are RFC 9457 problem objects.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pm_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => problemMediaType(jsonSchemaTransformObject(input)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: docsCsp });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await installCompression(app);
  await app.register(workerPool);
  await app.register(workspacePurge);
  installHeavyLimit(app);
  await app.register(apiRoutes, { prefix: '/api' });

  if (serveClient) {
    await app.register(fastifyStatic, { root: options.clientDir!, wildcard: false, index: 'index.html' });
  }
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
