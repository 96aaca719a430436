import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { IdParam } from '@app/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { Department } from './department.entity';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  /** Every signed-in user: the CİMER officer picks the unit an application goes to. */
  @AnyRole()
  @Get()
  list(): Promise<Department[]> {
    return this.departments.list();
  }

  @Get(':id')
  get(@IdParam() id: string): Promise<Department> {
    return this.departments.get(id);
  }

  @Roles(Role.Admin)
  @Post()
  create(@CurrentUser() user: StaffPrincipal, @Body() dto: CreateDepartmentDto): Promise<Department> {
    return this.departments.create(user, dto);
  }

  /** Deactivate with `{ "active": false }`; departments are never deleted (tickets refer to them). */
  @Roles(Role.Admin)
  @Patch(':id')
  update(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: UpdateDepartmentDto): Promise<Department> {
    return this.departments.update(user, id, dto);
  }
}
