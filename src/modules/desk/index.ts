export { DeskModule } from './desk.module';
