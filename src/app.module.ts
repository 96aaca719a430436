import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ClockModule, createValidationPipe, HttpErrorFilter, MetricsModule } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { MIGRATIONS } from './migrations';
import { AuditModule } from './modules/audit';
import { AuthModule } from './modules/auth';
import { CategoriesModule } from './modules/categories';
import { CitizensModule } from './modules/citizens';
import { ClassifierModule } from './modules/classifier';
import { DepartmentsModule } from './modules/departments';
import { DeskModule } from './modules/desk';
import { IncidentsModule } from './modules/incidents';
import { HealthModule } from './modules/health';
import { ChannelsModule } from './modules/channels';
import { IntakeModule } from './modules/intake';
import { LiveModule } from './modules/live';
import { MunicipalityModule } from './modules/municipality';
import { MediaModule } from './modules/media';
import { NotificationsModule } from './modules/notifications';
import { NeighbourhoodsModule } from './modules/neighbourhoods';
import { OpsModule } from './modules/ops';
import { ReportsModule } from './modules/reports';
import { PrivacyModule } from './modules/privacy';
import { ProcessesModule } from './modules/processes';
import { RoutingModule } from './modules/routing';
import { SlaModule } from './modules/sla';
import { SurveysModule } from './modules/surveys';
import { TicketsModule } from './modules/tickets';
import { UiModule } from './modules/ui';

@Module({})
export class AppModule {
  /** `env` defaults to the process environment; the test app builder passes its own. */
  static register(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        ClockModule,
        MetricsModule,
        DatabaseModule.forRoot({ migrations: MIGRATIONS }),
        QueueModule,
        AuditModule,
        AuthModule,
        DepartmentsModule,
        NeighbourhoodsModule,
        CategoriesModule,
        ClassifierModule,
        SlaModule,
        SurveysModule,
        CitizensModule,
        TicketsModule,
        DeskModule,
        IncidentsModule,
        LiveModule,
        IntakeModule,
        MediaModule,
        NotificationsModule,
        ChannelsModule,
        RoutingModule,
        OpsModule,
        ReportsModule,
        MunicipalityModule,
        ProcessesModule,
        PrivacyModule,
        HealthModule,
        UiModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
