import type { INestApplication, Type } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createEmbeddedApp, embeddedConfigFrom, type EmbeddedConfig } from '@spiral/embedded-system';
import type { Role } from '@spiral/event-catalogue';
import { readyHttpApp } from '@spiral/http';
import { EVENT_STORE, type EventStore } from '@spiral/ports';
import { Projections } from '@spiral/projections';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

const SECRET = 'e2e-secret-of-sufficient-length';

export interface Identity {
  readonly role: Role;
  readonly org?: string;
  readonly sha?: string;
  readonly sub?: string;
}

/**
 * The embedded system on a fresh data folder, driven through HTTP as a client would, with tokens
 * minted for any identity. `restart()` stops the process's app and opens the same folder again.
 */
export class EmbeddedHarness {
  private constructor(
    private app: INestApplication,
    private readonly config: EmbeddedConfig,
  ) {}

  /** On a fresh temporary folder, or on `overrides.dataDir` when given (a folder a test seeded); stop() removes it. */
  static async start(overrides: Partial<EmbeddedConfig> = {}): Promise<EmbeddedHarness> {
    const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'spiral-e2e-'));
    const config = { ...embeddedConfigFrom({}), dataDir, jwtSecret: SECRET, logLevel: 'silent', ...overrides };
    return new EmbeddedHarness(await EmbeddedHarness.boot(config), config);
  }

  private static async boot(config: EmbeddedConfig): Promise<INestApplication> {
    return readyHttpApp(await createEmbeddedApp(config));
  }

  get http() {
    return request(this.app.getHttpServer() as Parameters<typeof request>[0]);
  }

  get eventStore(): EventStore {
    return this.app.get<EventStore>(EVENT_STORE);
  }

  /** Resolves when every projection has applied everything stored so far: views are then current. */
  viewsCaughtUp(): Promise<void> {
    return this.app.get(Projections).caughtUp();
  }

  /** A provider of the running app, for helpers that wait on more than the views (process managers). */
  resolve<T>(token: Type<T> | symbol): T {
    return this.app.get(token);
  }

  token(identity: Identity): string {
    const claims = { sub: identity.sub ?? `${identity.role}-${identity.org ?? identity.sha ?? 'user'}`, role: identity.role, org: identity.org ?? null, sha: identity.sha ?? null };
    return new JwtService({ secret: SECRET }).sign(claims, { algorithm: 'HS256', expiresIn: '1h' });
  }

  bearer(identity: Identity): { Authorization: string } {
    return { Authorization: `Bearer ${this.token(identity)}` };
  }

  async restart(): Promise<void> {
    await this.app.close();
    this.app = await EmbeddedHarness.boot(this.config);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}
