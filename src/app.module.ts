import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ClockModule, createValidationPipe, HttpErrorFilter } from '@app/common';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { MIGRATIONS } from './migrations';
import { AuthModule } from './modules/auth/auth.module';
import { CategoriesModule } from './modules/categories/categories.module';
import { CitizensModule } from './modules/citizens/citizens.module';
import { ClassifierModule } from './modules/classifier';
import { DepartmentsModule } from './modules/departments/departments.module';
import { HealthModule } from './modules/health/health.module';
import { ChannelsModule } from './modules/channels/channels.module';
import { IntakeModule } from './modules/intake/intake.module';
import { LiveModule } from './modules/live/live.module';
import { MunicipalityModule } from './modules/municipality/municipality.module';
import { MediaModule } from './modules/media/media.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { NeighbourhoodsModule } from './modules/neighbourhoods/neighbourhoods.module';
import { OpsModule } from './modules/ops/ops.module';
import { ReportsModule } from './modules/reports/reports.module';
import { ProcessesModule } from './modules/processes/processes.module';
import { RoutingModule } from './modules/routing/routing.module';
import { SlaModule } from './modules/sla/sla.module';
import { SurveysModule } from './modules/surveys/surveys.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { UiModule } from './modules/ui/ui.module';

@Module({})
export class AppModule {
  /** `env` defaults to the process environment; the test app builder passes its own. */
  static register(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        ClockModule,
        DatabaseModule.forRoot({ migrations: MIGRATIONS }),
        QueueModule,
        AuthModule,
        DepartmentsModule,
        NeighbourhoodsModule,
        CategoriesModule,
        ClassifierModule,
        SlaModule,
        SurveysModule,
        CitizensModule,
        TicketsModule,
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
