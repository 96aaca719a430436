export { AuthModule } from './auth.module';
export { hashPassword } from './password';
export { User } from './user.entity';
export { UsersService } from './users.service';
export { StaffTokens } from './staff-tokens';
