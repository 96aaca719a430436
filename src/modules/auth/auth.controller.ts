import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AnyRole, CurrentUser, Public, StaffPrincipal } from '@app/domain';
import { AuthService, LoginResult } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() req: FastifyRequest): Promise<LoginResult> {
    // req.ip honours TRUST_PROXY; without a proxy it is the peer's address.
    return this.auth.login(dto, req.ip);
  }

  @ApiBearerAuth()
  @AnyRole()
  @Get('me')
  me(@CurrentUser() user: StaffPrincipal): StaffPrincipal {
    return user;
  }
}
