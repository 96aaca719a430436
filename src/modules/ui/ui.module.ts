import { Module } from '@nestjs/common';
import { UiConfigController } from './ui-config.controller';
import { HomePageController } from './home-page.controller';
import { UiPageController } from './ui-page.controller';

/** The agent queue, department inbox, manager and admin screens, served by the app itself at /app, and their settings. */
@Module({ controllers: [HomePageController, UiPageController, UiConfigController] })
export class UiModule {}
