import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { UnauthenticatedException } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { AccessTokenClaims } from './access-token';
import { User } from './user.entity';

/** Who a bearer access token belongs to: valid, HS256, of an active user, issued after their last password, role, department or active change. */
@Injectable()
export class StaffTokens {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** `header`: "Bearer <token>"; anything else is a 401. */
  async authenticate(header: string | undefined): Promise<StaffPrincipal> {
    const [scheme, token] = (header ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthenticatedException();
    let claims: AccessTokenClaims;
    try {
      // Pinning the algorithm is what refuses `alg: none` and key-confusion tokens.
      claims = await this.jwt.verifyAsync<AccessTokenClaims & object>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthenticatedException('Oturum geçersiz veya süresi dolmuş');
    }
    const user = typeof claims.sub === 'string' ? await this.users.findOneBy({ id: claims.sub, active: true }) : null;
    // A token issued before the user's last password, role, department or active change is over.
    if (!user || (claims.ver ?? 0) !== user.tokenVersion) throw new UnauthenticatedException('Oturum geçersiz veya süresi dolmuş');
    return {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      departmentId: user.departmentId,
    };
  }
}
