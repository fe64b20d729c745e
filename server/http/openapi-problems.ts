interface Response {
  description?: string;
  content?: Record<string, unknown>;
}
interface Document {
  paths?: Record<string, Record<string, { responses?: Record<string, Response> } | unknown[]>>;
}

const DESCRIPTIONS: Record<string, string> = {
  400: 'The request is malformed or a field is invalid: errors[] names each one',
  401: 'Sign in first (session cookie or bearer token)',
  403: 'Your role in this workspace does not allow it',
  404: 'There is no such thing, or it is not yours to see',
  409: 'Someone changed it since the version you edited (current holds it now), or it clashes with another record',
  413: 'The body is larger than this route takes (the detail names the limit)',
  428: 'Send the version you edited (in the body, ?version= or If-Match)',
  429: 'A previous analysis or import of yours is still running: ask again after Retry-After seconds',
  503: 'The database cannot be reached just now',
};

/**
 * Error answers go out as application/problem+json; the generated document says
 * application/json for every response, so errors are relabelled here, with a description.
 */
export function problemMediaType<T>(document: T): T {
  for (const operations of Object.values((document as Document).paths ?? {})) {
    for (const operation of Object.values(operations)) {
      if (Array.isArray(operation)) continue;
      for (const [code, response] of Object.entries(operation.responses ?? {})) {
        const schema = response.content?.['application/json'];
        if (Number(code) < 400 || !schema) continue;
        response.content = { 'application/problem+json': schema };
        if (!response.description || response.description === 'Default Response') response.description = DESCRIPTIONS[code] ?? 'A problem';
      }
    }
  }
  return document;
}
