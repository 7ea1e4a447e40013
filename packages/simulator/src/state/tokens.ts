import { randomBytes } from 'node:crypto';
import type { SimulatedClock } from '../clock.js';
import type { SimulatorConfig } from './config.js';

export interface ApiClient {
  clientId: string;
  clientSecret: string;
  tenantId: string;
  name: string;
}

interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Issues bearer tokens for API clients and checks them on every call; lifetimes run on the simulated clock. */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly clock: SimulatedClock,
    /** The live settings: a changed token lifetime applies to the next token issued. */
    private readonly config: Pick<SimulatorConfig, 'tokenLifetimeSeconds'>,
  ) {}

  get lifetimeSeconds(): number {
    return this.config.tokenLifetimeSeconds;
  }

  issue(client: ApiClient) {
    const issuedAt = Math.floor(this.clock.now() / 1000);
    const expiresOn = issuedAt + this.lifetimeSeconds;
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'simulator' }));
    const claims = (extra: object) =>
      base64url(JSON.stringify({ iss: 'acronis-reports-simulator', sub: client.clientId, iat: issuedAt, exp: expiresOn, ...extra }));
    const token = `${header}.${claims({ jti: randomBytes(8).toString('hex') })}.${base64url(randomBytes(32))}`;
    this.tokens.set(token, { clientId: client.clientId, expiresAt: expiresOn * 1000 });
    return {
      access_token: token,
      token_type: 'bearer',
      expires_in: this.lifetimeSeconds,
      expires_on: expiresOn,
      id_token: `${header}.${claims({ tenant_id: client.tenantId })}.${base64url(randomBytes(32))}`,
    };
  }

  /** The client id a live token belongs to, or null for an unknown or expired token. */
  verify(token: string): string | null {
    const issued = this.tokens.get(token);
    if (!issued) return null;
    if (issued.expiresAt <= this.clock.now()) {
      this.tokens.delete(token);
      return null;
    }
    return issued.clientId;
  }

  /** Ends every token issued so far, as if they had all outlived their lifetime. */
  expireAll(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }
}
