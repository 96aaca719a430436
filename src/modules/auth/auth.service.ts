import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { AuditAction, AuditEntity } from '@app/domain';
import { AuditTrail } from '../audit';
import { AuthErrorCode, AuthException } from './auth-errors';
import { AccessTokenClaims } from './access-token';
import { LoginDto } from './dto/login.dto';
import { LoginThrottle } from './login-throttle';
import { checkHashingCapacity, hashPassword, verifyPassword } from './password';
import { User } from './user.entity';
import { userView, UserView } from './users.service';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserView;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  // Compared against when the user does not exist, so timing does not reveal usernames.
  private readonly decoy = hashPassword('decoy-password-for-timing');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoginResult> {
    const username = dto.username.toLowerCase();
    // A flood the hashing cannot take is refused before it costs a Redis or database call.
    checkHashingCapacity();
    // Before anything is hashed: a throttled guess costs one Redis call, and is refused whatever the password.
    const attempt = await this.throttle.begin(username, ip);
    let user: User | null;
    try {
      user = await this.check(username, dto.password);
    } catch (error) {
      // Not a wrong guess (too busy to hash, database away): it does not count as one.
      await this.throttle.release(attempt);
      throw error;
    }
    if (!user) {
      this.logger.warn({ msg: 'login refused', username: dto.username });
      await this.audit.record(this.users.manager, { id: null, username }, { action: AuditAction.LoginFailed, entityType: AuditEntity.Session, ip });
      throw new AuthException(AuthErrorCode.InvalidCredentials, 'Kullanıcı adı veya parola hatalı');
    }
    await this.throttle.release(attempt);
    await this.audit.record(this.users.manager, user, { action: AuditAction.Login, entityType: AuditEntity.Session, entityId: user.id, ip });
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: this.config.JWT_TTL_SECONDS });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS, user: userView(user) };
  }

  /** The active user whose password this is, or null; the decoy keeps unknown names as slow as known ones. */
  private async check(username: string, password: string): Promise<User | null> {
    const user = await this.users.findOneBy({ username, active: true });
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoy));
    return user && ok ? user : null;
  }
}
