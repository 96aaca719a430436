import { Module } from '@nestjs/common';
import { UiPageController } from './ui-page.controller';

/** The agent queue, department inbox, manager and admin screens, served by the app itself at /app. */
@Module({ controllers: [UiPageController] })
export class UiModule {}
