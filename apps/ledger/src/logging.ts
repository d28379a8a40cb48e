import type { FastifyRequest } from 'fastify';

/**
 * The service's log settings: credentials never reach the log. Headers that carry them are
 * redacted, and so is a kiosk's device token in an address (`/kiosk/?token=…`, how a kiosk is
 * opened the first time).
 */
export function loggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-resident-token"]'],
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactSecrets(request.url),
        host: request.host,
        remoteAddress: request.ip,
      }),
    },
  };
}

/** An address with the values of `token` and similar query parameters replaced. */
export function redactSecrets(url: string): string {
  return url.replace(/([?&](?:token|password|pin)=)[^&#]*/gi, '$1[redacted]');
}
