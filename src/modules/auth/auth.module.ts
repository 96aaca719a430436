import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { AuditModule } from '../audit';
import { DepartmentsModule } from '../departments';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { StaffTokens } from './staff-tokens';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    AuditModule,
    DepartmentsModule,
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, LoginThrottle, UsersService, StaffTokens, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, StaffTokens],
})
export class AuthModule {}
