export { UiModule } from './ui.module';
