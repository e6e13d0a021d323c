import type { Request } from 'express';

/**
 * The address the limits count a caller by: Express's `req.ip`, which follows X-Forwarded-For only as far as
 * TRUST_PROXY allows (so a client cannot pick its own address by sending the header).
 */
export function clientAddress(request: Pick<Request, 'ip' | 'socket'>): string {
  return request.ip ?? request.socket?.remoteAddress ?? 'unknown';
}
