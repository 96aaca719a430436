import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { EraseDto, LegalHoldDto, RectifyDto, SubjectRequestDto } from './dto/kvkk.dto';
import { LegalHolds } from './legal-holds.service';
import { PersonalDataInventory } from './personal-data-inventory.service';
import { SubjectRights } from './subject-rights.service';

/**
 * KVKK (Law 6698): the inventory for those who answer for it, and the data subjects' rights and
 * legal holds for the administrators, who act as the data controller's contact.
 */
@ApiTags('kvkk')
@ApiBearerAuth()
@Controller('kvkk')
export class KvkkController {
  constructor(
    private readonly inventory: PersonalDataInventory,
    private readonly rights: SubjectRights,
    private readonly holds: LegalHolds,
  ) {}

  /** Every stored personal field: purpose, legal basis, retention; generated from the schema and the code. */
  @Roles(Role.Supervisor, Role.Executive)
  @Get('inventory')
  personalData() {
    return this.inventory.generate();
  }

  /** Everything held on the citizen as one document (art. 11); the read is logged. */
  @Roles(Role.Admin)
  @Get('citizens/:id/export')
  export(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Query() query: SubjectRequestDto) {
    return this.rights.export(user, id, query.requestTicketId);
  }

  @Roles(Role.Admin)
  @Patch('citizens/:id')
  rectify(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: RectifyDto) {
    return this.rights.rectify(user, id, dto);
  }

  /** Anonymises the citizen (their tickets under a legal hold excepted); statistics and the tickets' non-personal content stay. */
  @Roles(Role.Admin)
  @Post('citizens/:id/erase')
  @HttpCode(200)
  erase(@CurrentUser() user: StaffPrincipal, @IdParam() id: string, @Body() dto: EraseDto) {
    return this.rights.erase(user, id, dto);
  }

  @Roles(Role.Admin)
  @Get('legal-holds')
  legalHolds() {
    return this.holds.list();
  }

  @Roles(Role.Admin)
  @Post('legal-holds')
  placeHold(@CurrentUser() user: StaffPrincipal, @Body() dto: LegalHoldDto) {
    return this.holds.place(user, dto);
  }

  @Roles(Role.Admin)
  @Delete('legal-holds/:id')
  @HttpCode(204)
  releaseHold(@CurrentUser() user: StaffPrincipal, @IdParam() id: string): Promise<void> {
    return this.holds.release(user, id);
  }
}
