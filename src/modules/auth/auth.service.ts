import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@app/config';
import { AuthErrorCode, AuthException } from './auth-errors';
import { LoginDto } from './dto/login.dto';
import { hashPassword, verifyPassword } from './password';
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
  ) {}

  async login(dto: LoginDto): Promise<LoginResult> {
    const user = await this.users.findOneBy({ username: dto.username.toLowerCase(), active: true });
    const ok = await verifyPassword(dto.password, user?.passwordHash ?? (await this.decoy));
    if (!user || !ok) {
      this.logger.warn({ msg: 'login refused', username: dto.username });
      throw new AuthException(AuthErrorCode.InvalidCredentials, 'Kullanıcı adı veya parola hatalı');
    }
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, role: user.role },
      { algorithm: 'HS256', expiresIn: this.config.JWT_TTL_SECONDS },
    );
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS, user: userView(user) };
  }
}
