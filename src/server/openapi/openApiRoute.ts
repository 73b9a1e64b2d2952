import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument, OPENAPI_PATH, type OpenApiDocument } from './openApiDocument.ts';
import { readPackageVersion } from './packageVersion.ts';

/**
 * `GET /api/openapi.json`. The description is built on the first request, not
 * at start-up: a fault in building it must cost a 500 on this path only, never
 * the sync endpoint.
 */
export function registerOpenApiRoute(app: FastifyInstance): void {
  let document: OpenApiDocument | undefined;
  app.get(OPENAPI_PATH, (): OpenApiDocument => (document ??= buildOpenApiDocument(readPackageVersion())));
}
