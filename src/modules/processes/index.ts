export { ProcessesModule } from './processes.module';
