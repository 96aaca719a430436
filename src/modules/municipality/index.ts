export { MunicipalityModule } from './municipality.module';
