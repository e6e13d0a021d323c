import { Controller, Get, HttpStatus, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../app-config.token.js';
import { Public } from '../auth/roles.decorator.js';

/** Vite names built assets by their content hash, so a browser may keep them for good; index.html never. */
const ASSET_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

/**
 * Serves the web console (`/app/…`, signed-in screens) and the customer portal (`/portal/…`, no login) from the
 * single-page app `scripts/build-web.sh` builds into WEB_DIST_DIR: a built file when the path names one, else the
 * app's index.html so the app's own router shows the page. Same origin as /graphql, so no CORS.
 */
@Controller()
export class WebConsoleController {
  private readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = resolve(config.webDistDir);
  }

  @Public()
  @Get()
  home(@Res() response: Response): void {
    response.redirect(HttpStatus.FOUND, '/app/');
  }

  @Public()
  @Get(['app', 'app/*path'])
  console(@Param('path') path: string[] | undefined, @Res() response: Response): void {
    const file = this.builtFile(path ?? []);
    if (file) {
      response.sendFile(file, { maxAge: ASSET_MAX_AGE_MS, immutable: true });
      return;
    }
    this.sendIndex(response);
  }

  @Public()
  @Get(['portal', 'portal/*path'])
  portal(@Res() response: Response): void {
    this.sendIndex(response);
  }

  private sendIndex(response: Response): void {
    const index = join(this.root, 'index.html');
    if (!existsSync(index)) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        code: 'WEB_CONSOLE_NOT_BUILT',
        message: `The web console is not built in ${this.root}: run \`bash scripts/build-web.sh\` (npm start and npm test do).`,
      });
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  }

  /** A file inside the build folder (never outside it), other than index.html which is served uncached. */
  private builtFile(segments: string[]): string | undefined {
    if (segments.length === 0) return undefined;
    const candidate = normalize(join(this.root, ...segments));
    if (!candidate.startsWith(this.root + sep) || candidate.endsWith(`${sep}index.html`)) return undefined;
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
  }
}
