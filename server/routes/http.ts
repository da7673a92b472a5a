import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

/** Every API error has this shape: a stable code for programs, a message for people. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string, fields?: readonly { path: string; message: string }[]) {
  return reply.code(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });
}

/** Parses a body with a shared schema; on failure answers 400 naming each bad field. */
export function parseBody<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): z.infer<S> | null {
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
  void sendError(reply, 400, 'invalid', `Invalid request: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);
  return null;
}

/** Parses a query string with a shared schema; on failure answers 400 naming each bad parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, request: FastifyRequest, reply: FastifyReply): z.infer<S> | null {
  const parsed = schema.safeParse(request.query);
  if (parsed.success) return parsed.data;
  // An unknown parameter is named itself, not as "(query)".
  const fields = parsed.error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys' ? i.keys.map((key) => ({ path: key, message: 'unknown parameter' })) : [{ path: i.path.join('.') || '(query)', message: i.message }],
  );
  void sendError(reply, 400, 'invalid', `Invalid request: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);
  return null;
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  return match ? match[1]! : null;
}
