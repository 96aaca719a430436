import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { InvalidFieldException, Page, pageOf, ResourceNotFoundException } from '@app/common';
import { whereDefined } from '@app/database';
import { AuditAction, AuditEntity, DEPARTMENT_ROLES, Role, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { BacklogSignals, DepartmentsService } from '../departments';
import { AuthErrorCode, AuthException } from './auth-errors';
import { CreateUserDto, ListUsersDto, UpdateUserDto } from './dto/user.dto';
import { hashPassword } from './password';
import { User } from './user.entity';

export type UserView = Omit<User, 'passwordHash' | 'tokenVersion'>;

export function userView(user: User): UserView {
  const { passwordHash: _hidden, tokenVersion: _internal, ...view } = user;
  return view;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly departments: DepartmentsService,
    private readonly backlog: BacklogSignals,
    private readonly audit: AuditTrail,
  ) {}

  async list(query: ListUsersDto): Promise<Page<UserView>> {
    const [rows, total] = await this.users.findAndCount({
      where: whereDefined({ role: query.role, departmentId: query.departmentId }),
      order: { username: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return pageOf(rows.map(userView), total, query);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new ResourceNotFoundException('Kullanıcı');
    return user;
  }

  async create(dto: CreateUserDto, actor: StaffPrincipal): Promise<UserView> {
    if (await this.users.existsBy({ username: dto.username })) {
      throw new AuthException(AuthErrorCode.UsernameTaken, `${dto.username} kullanıcı adı alınmış`, 'username');
    }
    const { password, ...fields } = dto;
    const user = this.users.create({ ...fields, departmentId: dto.departmentId ?? null, passwordHash: await hashPassword(password) });
    await this.checkDepartment(user);
    return this.users.manager.transaction(async (manager) => {
      const saved = userView(await manager.save(user));
      await this.audit.record(manager, actor, { action: AuditAction.UserCreated, entityType: AuditEntity.User, entityId: saved.id, after: saved });
      return saved;
    });
  }

  /** Whether `id` is an active call-centre agent or supervisor (who may take 444 calls). */
  /** An active user, read on the caller's transaction (an assignment being checked). */
  findActive(manager: EntityManager, id: string): Promise<User | null> {
    return manager.findOneBy(User, { id, active: true });
  }

  /** Who a department's escalations reach: its active managers, and the one named on the department. */
  managersOf(manager: EntityManager, departmentId: string, managerUserId: string | null): Promise<User[]> {
    return manager.find(User, {
      where: [{ departmentId, role: In([Role.DepartmentManager]), active: true }, ...(managerUserId ? [{ id: managerUserId, active: true }] : [])],
      order: { fullName: 'ASC' },
    });
  }

  async isCallCentreAgent(id: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
    return this.users.existsBy({ id, active: true, role: In([Role.Agent, Role.Supervisor]) });
  }

  /** The active call-centre agents and supervisors among `ids` (whose softphones may be rung). */
  async callCentreAgents(ids: string[]): Promise<string[]> {
    const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!valid.length) return [];
    const users = await this.users.find({ select: { id: true }, where: { id: In(valid), active: true, role: In([Role.Agent, Role.Supervisor]) } });
    const found = new Set(users.map((u) => u.id));
    return valid.filter((id) => found.has(id));
  }

  /** An active call-centre agent or supervisor as a principal (a softphone acting for them), or null. */
  async callCentrePrincipal(id: string): Promise<StaffPrincipal | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const user = await this.users.findOneBy({ id, active: true, role: In([Role.Agent, Role.Supervisor]) });
    return user ? { id: user.id, username: user.username, fullName: user.fullName, role: user.role, departmentId: user.departmentId } : null;
  }

  async update(id: string, dto: UpdateUserDto, actor: StaffPrincipal): Promise<UserView> {
    const user = await this.get(id);
    const previous = userView({ ...user });
    const before = { active: user.active, role: user.role, departmentId: user.departmentId };
    const { password, ...fields } = dto;
    Object.assign(user, fields);
    if (password) user.passwordHash = await hashPassword(password);
    await this.checkDepartment(user);
    const revokes = !!password || (Object.keys(before) as (keyof typeof before)[]).some((key) => user[key] !== before[key]);
    const saved = await this.users.manager.transaction(async (manager) => {
      const row = await manager.save(user);
      // Ends the tokens issued so far; incremented in SQL, so concurrent changes each count.
      if (revokes) await manager.increment(User, { id }, 'tokenVersion', 1);
      // A new password shows as such in the log, never as its hash.
      const after = { ...userView(row), ...(password ? { passwordChanged: true } : {}) };
      await this.audit.record(manager, actor, { action: AuditAction.UserUpdated, entityType: AuditEntity.User, entityId: id, before: previous, after });
      return row;
    });
    // Back at the desk (or moved to another department): the waiting tickets may go to them.
    if (saved.active && saved.available && saved.departmentId && saved.role === Role.DepartmentStaff) await this.backlog.roomIn(saved.departmentId);
    return userView(saved);
  }

  private async checkDepartment(user: User): Promise<void> {
    if (DEPARTMENT_ROLES.includes(user.role) && !user.departmentId) {
      throw new AuthException(AuthErrorCode.DepartmentRequired, 'departmentId: birim personeli için birim gerekli', 'departmentId');
    }
    if (user.departmentId) await this.departments.requireActive(user.departmentId, 'departmentId');
    if (user.departmentId && !DEPARTMENT_ROLES.includes(user.role) && user.role !== 'executive') {
      throw new InvalidFieldException('departmentId', 'departmentId: bu rol bir birime bağlanmaz');
    }
  }
}
