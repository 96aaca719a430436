export { LiveModule } from './live.module';
export { LivePublisher } from './live.publisher';
