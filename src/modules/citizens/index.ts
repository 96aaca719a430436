export { Citizen } from './citizen.entity';
export { CitizensModule } from './citizens.module';
export { CitizensService, identitiesOf } from './citizens.service';
export type { CitizenBatch } from './citizens.service';
export { CitizenInputDto } from './dto/citizen.dto';
export type { CitizenView } from './dto/citizen.dto';
export { ChannelIdentity } from './channel-identity.entity';
export { isValidTcKimlik } from './tc-kimlik';
