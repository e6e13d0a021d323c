import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { JwtModule } from '@nestjs/jwt';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../libs/config/app-config.js';
import { APP_CONFIG } from './app-config.token.js';
import { AbuseLimitsModule } from './abuse-limits/abuse-limits.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { formatError } from './common/format-error.js';
import { GraphQLErrorFilter } from './common/graphql-error.filter.js';
import { aliasLimitRule, complexityLimitPlugin, depthLimitRule } from './common/query-limits.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { graphqlContext } from './common/graphql-context.js';
import { EmailModule } from './email/email.module.js';
import { maskSubscriptionErrors } from './common/mask-subscription-errors.js';
import { websocketValidation } from './common/websocket-validation.js';
import { HealthModule } from './health/health.module.js';
import { KnowledgeModule } from './knowledge/knowledge.module.js';
import { MacrosModule } from './macros/macros.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { RolloutModule } from './rollout/rollout.module.js';
import { MigrationModule } from './migration/migration.module.js';
import { PortalModule } from './portal/portal.module.js';
import { ReportingModule } from './reporting/reporting.module.js';
import { RoutingModule } from './routing/routing.module.js';
import { SlaConfigModule } from './sla-config/sla-config.module.js';
import { SlaModule } from './sla/sla.module.js';
import { SurveysModule } from './surveys/surveys.module.js';
import { TicketsModule } from './tickets/tickets.module.js';
import { WebConsoleModule } from './web-console/web-console.module.js';

export interface ApiDependencies {
  config: AppConfig & { jwtSecret: string };
  dataSource: DataSource;
  temporal: Client;
}

/** The process-wide dependencies (created outside Nest, so start-up can fail fast and shut down in order). */
@Global()
@Module({})
class CoreModule {
  static register(deps: ApiDependencies): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: deps.config },
        { provide: DataSource, useValue: deps.dataSource },
        { provide: Client, useValue: deps.temporal },
      ],
      exports: [APP_CONFIG, DataSource, Client],
    };
  }
}

@Module({})
export class AppModule {
  static register(deps: ApiDependencies): DynamicModule {
    const { config } = deps;
    const limitRules = [depthLimitRule(config.graphqlMaxDepth), aliasLimitRule(config.graphqlMaxAliases)];
    return {
      module: AppModule,
      imports: [
        CoreModule.register(deps),
        JwtModule.register({ global: true, secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtlSeconds } }),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true, // in memory; `npm run schema` writes the committed SDL
          sortSchema: true,
          graphiql: config.graphiql,
          introspection: config.graphqlIntrospection,
          // Batched operations (a JSON array per POST) would multiply every per-request limit: refused with HTTP 400.
          allowBatchedHttpRequests: false,
          context: graphqlContext,
          subscriptions: {
            'graphql-ws': {
              path: '/graphql',
              onNext: (_ctx, _id, _payload, _args, result) => maskSubscriptionErrors(result),
              // Nest's options type omits graphql-ws's `validate` but passes it on.
              ...websocketValidation(limitRules),
            },
          },
          formatError,
          includeStacktraceInErrorResponses: false,
          validationRules: limitRules,
          plugins: [complexityLimitPlugin(config.graphqlMaxComplexity)],
        }),
        AbuseLimitsModule,
        AuditModule,
        AuthModule,
        CatalogModule,
        HealthModule,
        KnowledgeModule,
        MacrosModule,
        MetricsModule,
        RolloutModule,
        MigrationModule,
        PortalModule,
        ReportingModule,
        RoutingModule,
        SlaConfigModule,
        SlaModule,
        SurveysModule,
        TicketsModule,
        EmailModule,
        WebConsoleModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}
