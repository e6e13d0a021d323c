import { Module } from '@nestjs/common';
import { WebConsoleController } from './web-console.controller.js';

@Module({ controllers: [WebConsoleController] })
export class WebConsoleModule {}
