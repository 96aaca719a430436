export { Mahalle } from './mahalle.entity';
export { NeighbourhoodsModule } from './neighbourhoods.module';
export { NeighbourhoodsService } from './neighbourhoods.service';
