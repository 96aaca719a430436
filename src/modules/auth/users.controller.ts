import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam, Page } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { CreateUserDto, ListUsersDto, UpdateUserDto } from './dto/user.dto';
import { userView, UserView, UsersService } from './users.service';

/** Staff accounts; deactivate with `{ "active": false }` (users are never deleted: the timeline names them). */
@ApiTags('users')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list(@Query() query: ListUsersDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  async get(@IdParam() id: string): Promise<UserView> {
    return userView(await this.users.get(id));
  }

  @Post()
  create(@CurrentUser() actor: StaffPrincipal, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Patch(':id')
  update(@CurrentUser() actor: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, dto, actor);
  }
}
