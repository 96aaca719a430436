export { BacklogSignals } from './backlog-signals';
export { Department, DepartmentLevel } from './department.entity';
export { DepartmentsModule } from './departments.module';
export { DepartmentsService } from './departments.service';
export { EscalationContactDto } from './dto/department.dto';
