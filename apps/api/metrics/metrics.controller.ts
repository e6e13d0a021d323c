import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { Public } from '../auth/roles.decorator.js';

/** GET /metrics in Prometheus' text format, for a scraper on the internal network (the gateway does not pass it on). */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  @Public()
  @Get()
  async metrics(@Res() response: Response): Promise<void> {
    const body = await this.registry.metrics();
    response.type(this.registry.contentType).send(body);
  }
}
