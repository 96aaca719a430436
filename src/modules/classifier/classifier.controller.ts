import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, Role, Roles, StaffPrincipal } from '@app/domain';
import { ClassifierSuggestions } from './classifier-suggestions.service';
import { ClassifierTraining } from './classifier-training.service';
import { ClassifierVersions, ModelVersionView } from './classifier-versions.service';
import { SuggestionRequestDto } from './dto/suggestion-request.dto';

@ApiTags('classifier')
@ApiBearerAuth()
@Controller('classifier')
export class ClassifierController {
  constructor(
    private readonly versions: ClassifierVersions,
    private readonly training: ClassifierTraining,
    private readonly suggestions: ClassifierSuggestions,
  ) {}

  /** The model versions, newest first: how each was trained, its held-out and k-fold figures, and how often staff changed its suggestions. */
  @Roles(Role.Admin)
  @Get('models')
  list(): Promise<ModelVersionView[]> {
    return this.versions.list();
  }

  /** Trains a new version now (202; 409 while one is training). */
  @Roles(Role.Admin)
  @Post('models')
  @HttpCode(202)
  train(@CurrentUser() user: StaffPrincipal) {
    return this.training.requestByAdmin(user.id);
  }

  /** Makes a trained version the active one (a rollback); every process follows within CLASSIFIER_REFRESH_MS. */
  @Roles(Role.Admin)
  @Post('models/:id/activate')
  @HttpCode(200)
  activate(@IdParam() id: string): Promise<ModelVersionView> {
    return this.versions.activate(id);
  }

  /** The three likeliest categories for a text, and whether intake would route it without triage. */
  @Roles(Role.Agent, Role.Supervisor)
  @Post('suggestions')
  @HttpCode(200)
  suggest(@Body() dto: SuggestionRequestDto) {
    return this.suggestions.suggest(dto.text);
  }
}
